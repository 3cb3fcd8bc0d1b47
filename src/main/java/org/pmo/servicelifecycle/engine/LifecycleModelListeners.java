package org.pmo.servicelifecycle.engine;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.pmo.servicelifecycle.agreement.OfferingDesign;
import org.pmo.servicelifecycle.lifecycle.ModelStages;
import org.pmo.servicelifecycle.lifecycle.RetirementDates;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceStage;
import org.pmo.servicelifecycle.lifecycle.TaskAudit;
import org.pmo.servicelifecycle.strategy.BusinessCaseForm;

/**
 * Adds the task audit to every user task of the lifecycle models when they are deployed, so a task a process owner
 * adds in Modeler is audited without extra set-up; makes every element whose extension property {@code stage} names
 * a stage move the catalog there when it is entered ({@link ModelStages}); puts the business case on every task with
 * the design form ({@link BusinessCaseForm}) with its offerings ({@link OfferingDesign}), and the offerings' go-live
 * gate on every task with the go-live form; and checks every form submission against its Camunda Form. Other
 * processes are left alone.
 */
class LifecycleModelListeners extends AbstractProcessEnginePlugin {

	private final TaskAudit taskAudit;

	private final ServiceStage serviceStage;

	private final BusinessCaseForm businessCaseForm;

	private final OfferingDesign offeringDesign;

	private final RetirementDates retirementDates;

	/** Per deployment: whether its design form has the offerings' rows. */
	private final Map<String, Boolean> offeringForms = new ConcurrentHashMap<>();

	LifecycleModelListeners(TaskAudit taskAudit, ServiceStage serviceStage, BusinessCaseForm businessCaseForm,
			OfferingDesign offeringDesign, RetirementDates retirementDates) {
		this.retirementDates = retirementDates;
		this.offeringDesign = offeringDesign;
		this.taskAudit = taskAudit;
		this.serviceStage = serviceStage;
		this.businessCaseForm = businessCaseForm;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPostCommandInterceptorsTxRequired().add(new FormSubmissionCheck());
		configuration.getCustomPostCommandInterceptorsTxRequired().add(new DeploymentCheck());
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				if (isLifecycleModel(activity)) {
					TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
					task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, LifecycleModelListeners.this.taskAudit.clearEarlierChoices);
					task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, LifecycleModelListeners.this.taskAudit.recordCompletion);
					if (hasForm(task, ServiceLifecycleProcess.Forms.DESIGN_SERVICE)) {
						// the offerings and the business case in numbers are part of every design and redesign
						task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, (delegate) -> {
							if (designsOfferings(delegate)) {
								LifecycleModelListeners.this.offeringDesign.prepare(delegate);
							}
						});
						task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
								LifecycleModelListeners.this.businessCaseForm::prepare);
						task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, (delegate) -> {
							if (designsOfferings(delegate)) {
								LifecycleModelListeners.this.offeringDesign.record(delegate);
							}
						});
						task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
								LifecycleModelListeners.this.businessCaseForm::record);
					}
					if (hasForm(task, ServiceLifecycleProcess.Forms.PLAN_RETIREMENT)
							|| hasForm(task, ServiceLifecycleProcess.Forms.APPROVE_RETIREMENT)) {
						// customers get their notice period before a retirement date
						task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
								LifecycleModelListeners.this.retirementDates::check);
					}
					if (hasForm(task, ServiceLifecycleProcess.Forms.APPROVE_GO_LIVE)) {
						// the board sees the agreements as they stand now, changed in the pilot or not
						task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, (delegate) -> {
							if (designsOfferings(delegate)) {
								LifecycleModelListeners.this.offeringDesign.describe(delegate);
							}
						});
						// whatever the model, no version designed with offerings goes live with one nobody measures
						task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, (delegate) -> {
							if (designsOfferings(delegate)) {
								LifecycleModelListeners.this.offeringDesign.checkGoLive(delegate);
							}
						});
					}
				}
				enterStage(userTaskElement, activity);
			}

			@Override
			public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				enterStage(element, activity);
			}

			@Override
			public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				enterStage(element, activity);
			}

			@Override
			public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
				enterStage(element, activity);
			}

			@Override
			public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
				enterStage(element, activity);
			}

			@Override
			public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
				enterStage(element, activity);
			}

			@Override
			public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
				enterStage(element, activity);
			}

			@Override
			public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
				enterStage(element, activity);
			}

			@Override
			public void parseExclusiveGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
				enterStage(element, activity);
			}
		});
	}

	/** The model's {@code stage} property on an element of a lifecycle model: entering the element enters the stage. */
	private void enterStage(Element element, ActivityImpl activity) {
		String value = stagePropertyOf(element);
		if (value == null || !isLifecycleModel(activity)) {
			return;
		}
		String stage = ModelStages.parse(activity.getId(), value).name();
		ExecutionListener entering = (execution) -> this.serviceStage.enter(execution, stage);
		activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, entering);
	}

	private static String stagePropertyOf(Element element) {
		Element extensions = element.element("extensionElements");
		Element properties = (extensions != null)
				? extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties") : null;
		if (properties == null) {
			return null;
		}
		for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
			if (ModelStages.PROPERTY.equals(property.attribute("name"))) {
				return property.attribute("value");
			}
		}
		return null;
	}

	/**
	 * The design form in force (the models bind it by latest) has the offerings' rows. Lifecycles whose design form has none (deployed before
	 * offerings existed) keep their way to go live.
	 */
	private boolean designsOfferings(DelegateTask task) {
		CommandContext context = Context.getCommandContext();
		CamundaFormRef ref = new CamundaFormRefImpl(ServiceLifecycleProcess.Forms.DESIGN_SERVICE, "latest");
		ProcessDefinitionEntity definition = context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(task.getProcessDefinitionId());
		CamundaFormDefinition form;
		try {
			form = FormSubmissionCheck.formOf(context, definition.getDeploymentId(), ref);
		}
		catch (RuntimeException ex) {
			// no design form deployed: no offerings designed
			return false;
		}
		return this.offeringForms.computeIfAbsent(form.getId(),
				(formId) -> FormSubmissionCheck.contractOf(context, form).fieldKeys().contains(OfferingDesign.OFFERINGS));
	}

	private static boolean hasForm(TaskDefinition task, String formId) {
		return task.getCamundaFormDefinitionKey() != null
				&& formId.equals(task.getCamundaFormDefinitionKey().getExpressionText());
	}

	/** An element of one of the lifecycle models: the only models the engine seam's listeners are added to. */
	static boolean isLifecycleModel(ActivityImpl activity) {
		return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
				&& definition.getKey() != null && ServiceLifecycleProcess.KEYS.contains(definition.getKey());
	}

}
