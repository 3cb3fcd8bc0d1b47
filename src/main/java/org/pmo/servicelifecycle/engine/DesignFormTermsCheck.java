package org.pmo.servicelifecycle.engine;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.pmo.servicelifecycle.lifecycle.ReleasedTermsCheck;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.springframework.stereotype.Component;

/** The design form in force (the models bind it by latest), and the owner rule, applied to released terms. */
@Component
class DesignFormTermsCheck implements ReleasedTermsCheck {

	@Override
	public void check(DelegateExecution execution, Map<String, Object> terms) {
		CommandContext context = Context.getCommandContext();
		ProcessDefinitionEntity definition = context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(execution.getProcessDefinitionId());
		FormSubmissionCheck
			.contractOf(context, FormSubmissionCheck.formOf(context, definition.getDeploymentId(),
					new CamundaFormRefImpl(ServiceLifecycleProcess.Forms.DESIGN_SERVICE, "latest")))
			.checkValues(terms);
		ServiceOwners.check(context, terms.get(ServiceLifecycleProcess.Variables.SERVICE_OWNER));
	}

}
