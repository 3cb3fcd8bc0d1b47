package org.pmo.servicelifecycle.engine;

import java.time.Clock;
import java.util.ArrayList;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.pmo.servicelifecycle.security.FourEyesPrinciple;

/**
 * The engine side of security and governance:
 * <ul>
 * <li>candidates of a task may read and work on it (claim, complete), nothing more ({@code TASK_WORK} instead of
 * Camunda's default {@code UPDATE}); the candidate rule replaces Camunda's rows per task and group
 * ({@link CandidateTaskAccess});</li>
 * <li>task queries from requests evaluate no expressions;</li>
 * <li>nobody but administrators moves tokens or writes the four-eyes records;</li>
 * <li>the four-eyes principle on the approval tasks of the lifecycle models, whatever the model in Modeler says.</li>
 * </ul>
 */
class GovernanceSettings extends AbstractProcessEnginePlugin {

	private final FourEyesPrinciple fourEyes;

	GovernanceSettings(FourEyesPrinciple fourEyes, EngineSettings settings) {
		this.fourEyes = fourEyes;
		EngineAllowlist.allowBaselineProcesses(settings.baselineProcesses());
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
		configuration.setResourceAuthorizationProvider(new CandidateTaskAccess.NoTaskRowsPerGroup());
		// task queries of a user see only the tasks he is a candidate for, or assignee or owner of
		EngineSessions.replace(configuration, AuthorizationManager.class,
				CandidateTaskAccess.CandidateAwareAuthorizationManager::new);

		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(new TaskQueryExpressionGuard());
		configuration.getCustomPreCommandInterceptorsTxRequired().add(new LoginThrottle(Clock.systemUTC()));
		// wrong passwords slow down per user and address (LoginThrottle); Camunda's lockout would lock for good
		configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
		configuration.setLoginDelayBase(0);
		// a BPMN error no boundary event catches is a failure, not the silent end of an execution
		configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
		// object variables deserialize only to the types the product uses
		configuration.setDeserializationTypeValidationEnabled(true);
		configuration.setDeserializationAllowedPackages("");
		configuration.setDeserializationAllowedClasses("");

		if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
		}
		// first: a person's command runs only when the allowlist names it
		configuration.getCustomPostCommandInterceptorsTxRequired().add(0, new DenyByDefault());
		configuration.getCustomPostCommandInterceptorsTxRequired().add(new GovernanceGuard(this.fourEyes));

		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				if (LifecycleModelListeners.isLifecycleModel(activity) && FourEyesPrinciple.applies(activity.getId())) {
					TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior())
						.getTaskDefinition();
					task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT,
							GovernanceSettings.this.fourEyes.onAssignment);
					task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
							GovernanceSettings.this.fourEyes.onCompletion);
				}
			}
		});
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		// after the engine's own checkers exist (setting the list earlier would replace them)
		configuration.getCommandCheckers()
			.replaceAll((checker) -> (checker instanceof AuthorizationCommandChecker)
					? new CandidateTaskAccess.CandidateAwareChecker() : checker);
	}

}
