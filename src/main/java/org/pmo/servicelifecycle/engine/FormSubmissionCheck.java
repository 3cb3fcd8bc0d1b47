package org.pmo.servicelifecycle.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.pmo.servicelifecycle.lifecycle.InvalidLifecycleInputException;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;

/**
 * Checks what a person submits against the Camunda Form of the task (or the start form) before the engine stores
 * anything: the forms in {@code forms/} are the contract, whether the submission comes from Tasklist, the engine
 * REST API or code acting as a user. Submissions without an authenticated user come from the application itself
 * (start-up, tests) and are trusted, as the engine's authorization checks do.
 */
class FormSubmissionCheck extends CommandInterceptor {

	private final Map<String, FormContract> contracts = new ConcurrentHashMap<>();

	@Override
	public <T> T execute(Command<T> command) {
		CommandContext context = Context.getCommandContext();
		if (context != null && context.getAuthenticatedUserId() != null) {
			if (command instanceof CompleteTaskCmd) {
				checkTask(context, CommandFields.read(command, "taskId"), CommandFields.read(command, "variables"));
			}
			else if (command instanceof SubmitTaskFormCmd) {
				checkTask(context, CommandFields.read(command, "taskId"), CommandFields.read(command, "properties"));
			}
			else if (command instanceof SubmitStartFormCmd) {
				checkStart(context, CommandFields.read(command, "processDefinitionId"),
						CommandFields.read(command, "variables"));
			}
			else if (command instanceof StartProcessInstanceCmd) {
				// the engine's start endpoints are held to the request form, as Tasklist's start form is
				ProcessInstantiationBuilderImpl builder = CommandFields.read(command, "instantiationBuilder");
				String definitionId = builder.getProcessDefinitionId();
				if (definitionId == null && builder.getProcessDefinitionKey() != null) {
					ProcessDefinitionEntity latest = context.getProcessEngineConfiguration()
						.getDeploymentCache()
						.findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
					definitionId = latest.getId();
				}
				checkStart(context, definitionId, builder.getVariables());
			}
		}
		return this.next.execute(command);
	}

	private void checkTask(CommandContext context, String taskId, Map<String, ?> submitted) {
		TaskEntity task = (taskId != null) ? context.getTaskManager().findTaskById(taskId) : null;
		if (task == null || task.getProcessDefinitionId() == null) {
			return;
		}
		ProcessDefinitionEntity definition = task.getProcessDefinition();
		if (!ProductModels.contains(definition.getKey())) {
			return;
		}
		task.initializeFormKey();
		if (task.getCamundaFormRef() == null) {
			return;
		}
		check(contract(context, definition, task.getCamundaFormRef()), submitted, task::getVariable);
	}

	private void checkStart(CommandContext context, String processDefinitionId, Map<String, ?> submitted) {
		ProcessDefinitionEntity definition = context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(processDefinitionId);
		FormDefinition startForm = (definition != null) ? definition.getStartFormDefinition() : null;
		if (startForm == null || startForm.getCamundaFormDefinitionKey() == null
				|| !ProductModels.contains(definition.getKey())) {
			return;
		}
		CamundaFormRef ref = new CamundaFormRefImpl(startForm.getCamundaFormDefinitionKey().getExpressionText(),
				startForm.getCamundaFormDefinitionBinding());
		Function<String, Object> nothingYet = (name) -> null;
		check(contract(context, definition, ref), submitted, nothingYet);
	}

	/** Refuses like a listener of the model would: a form validation failure caused by the offending field. */
	private static void check(FormContract contract, Map<String, ?> submitted, Function<String, Object> current) {
		try {
			contract.check(nullSafe(submitted), current);
			ServiceOwners.check(Context.getCommandContext(), nullSafe(submitted).get(ServiceLifecycleProcess.Variables.SERVICE_OWNER));
		}
		catch (InvalidLifecycleInputException ex) {
			throw new FormFieldValidationException(ex.getField(), ex.getMessage(), ex);
		}
	}

	/** The contract of the form the reference resolves to now (a form bound by latest moves with each deployment). */
	private FormContract contract(CommandContext context, ProcessDefinitionEntity definition, CamundaFormRef ref) {
		CamundaFormDefinition form = formOf(context, definition.getDeploymentId(), ref);
		return this.contracts.computeIfAbsent(form.getId(), (formId) -> contractOf(context, form));
	}

	/** The deployed form a reference of a model in that deployment names. */
	static CamundaFormDefinition formOf(CommandContext context, String deploymentId, CamundaFormRef ref) {
		CamundaFormDefinition form = context
			.runWithoutAuthorization(() -> new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(context));
		if (form == null) {
			throw new InvalidLifecycleInputException("form", "the form '" + ref.getKey() + "' is not deployed");
		}
		return form;
	}

	/** A deployed form, as a contract. */
	static FormContract contractOf(CommandContext context, CamundaFormDefinition form) {
		return context.runWithoutAuthorization(() -> {
			ResourceEntity resource = context.getResourceManager()
				.findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName());
			return FormContract.parse(resource.getBytes());
		});
	}

	private static Map<String, ?> nullSafe(Map<String, ?> submitted) {
		return (submitted != null) ? submitted : Map.of();
	}

}
