package org.pmo.servicelifecycle.lifecycle;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds the task audit to every user task of the lifecycle models when they are deployed, so a task a process owner
 * adds in Modeler is audited without extra set-up, and checks every form submission against its Camunda Form.
 * Other processes are left alone.
 */
@Component
class LifecycleEnginePlugin extends AbstractProcessEnginePlugin {

	private final TaskAudit taskAudit;

	LifecycleEnginePlugin(TaskAudit taskAudit) {
		this.taskAudit = taskAudit;
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
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				if (isLifecycleModel(activity)) {
					TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
					task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, LifecycleEnginePlugin.this.taskAudit.clearEarlierChoices);
					task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, LifecycleEnginePlugin.this.taskAudit.recordCompletion);
				}
			}
		});
	}

	private static boolean isLifecycleModel(ActivityImpl activity) {
		return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
				&& definition.getKey() != null && ServiceLifecycleProcess.KEYS.contains(definition.getKey());
	}

}
