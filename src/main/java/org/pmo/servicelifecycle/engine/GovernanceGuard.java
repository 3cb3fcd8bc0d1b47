package org.pmo.servicelifecycle.engine;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.pmo.servicelifecycle.engine.CommandFields;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.security.FourEyesPrinciple;

/**
 * Keeps people on the paths the models lay out. With a user authenticated (Tasklist, REST):
 * <ul>
 * <li>only administrators move tokens: instance modification, restarts, starting at a chosen step or without the
 * models' listeners would skip gates and the catalog;</li>
 * <li>nobody writes the variables the four-eyes principle relies on ({@code requestedBy}, {@code designedBy},
 * {@code retirementPlannedBy}): only the engine records them.</li>
 * </ul>
 * Correlating a review message needs update rights on lifecycle instances; this keeps those rights from meaning more.
 */
class GovernanceGuard extends CommandInterceptor {

	private final FourEyesPrinciple fourEyes;

	GovernanceGuard(FourEyesPrinciple fourEyes) {
		this.fourEyes = fourEyes;
	}

	private static final Set<Class<?>> MOVING_TOKENS = Set.of(ModifyProcessInstanceCmd.class,
			ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class,
			ProcessInstanceModificationBatchCmd.class, StartProcessInstanceAtActivitiesCmd.class,
			RestartProcessInstancesCmd.class, RestartProcessInstancesBatchCmd.class);

	@Override
	public <T> T execute(Command<T> command) {
		CommandContext context = Context.getCommandContext();
		if (context != null) {
			checkFourEyes(context, command);
			if (context.getAuthenticatedUserId() != null) {
				check(context, command);
			}
		}
		return this.next.execute(command);
	}

	/**
	 * The four-eyes principle before the command runs, so the caller gets the refusal itself (a task listener's
	 * exception reaches REST clients wrapped as a server error); the models' task listeners stay as the backstop.
	 */
	private void checkFourEyes(CommandContext context, Command<?> command) {
		String taskId;
		String person;
		if (command instanceof ClaimTaskCmd || command instanceof AssignTaskCmd || command instanceof DelegateTaskCmd) {
			taskId = CommandFields.read(command, "taskId");
			person = CommandFields.read(command, "userId");
		}
		else if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
			taskId = CommandFields.read(command, "taskId");
			person = context.getAuthenticatedUserId();
		}
		else {
			return;
		}
		TaskEntity task = (taskId != null) ? context.getTaskManager().findTaskById(taskId) : null;
		if (task == null || task.getProcessDefinitionId() == null
				|| !FourEyesPrinciple.applies(task.getTaskDefinitionKey())
				|| !ServiceLifecycleProcess.KEYS.contains(task.getProcessDefinition().getKey())) {
			return;
		}
		this.fourEyes.check(task, (person != null) ? person : task.getAssignee());
	}

	private static void check(CommandContext context, Command<?> command) {
		boolean admin = context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication());
		if (!admin && MOVING_TOKENS.contains(command.getClass())) {
			throw new AuthorizationException(
					"Only administrators may modify or restart lifecycles, or start one at a chosen step");
		}
		if (command instanceof StartProcessInstanceCmd) {
			ProcessInstantiationBuilderImpl builder = CommandFields.read(command, "instantiationBuilder");
			ProcessInstanceModificationBuilderImpl modification = builder.getModificationBuilder();
			if (!admin && modification != null
					&& (modification.isSkipCustomListeners() || modification.isSkipIoMappings())) {
				throw new AuthorizationException("Only administrators may start a lifecycle without its listeners");
			}
			refuseGovernanceVariables(builder.getVariables());
		}
		else if (command instanceof CompleteTaskCmd) {
			refuseGovernanceVariables(CommandFields.read(command, "variables"));
		}
		else if (command instanceof SubmitTaskFormCmd) {
			refuseGovernanceVariables(CommandFields.read(command, "properties"));
		}
		else if (command instanceof SubmitStartFormCmd) {
			refuseGovernanceVariables(CommandFields.read(command, "variables"));
		}
		else if (command instanceof AbstractSetVariableCmd) {
			refuseGovernanceVariables(CommandFields.read(command, "variables"));
		}
		else if (command instanceof AbstractPatchVariablesCmd) {
			refuseGovernanceVariables(CommandFields.read(command, "variables"));
			refuseGovernanceNames(CommandFields.read(command, "deletions"));
		}
		else if (command instanceof AbstractRemoveVariableCmd) {
			refuseGovernanceNames(CommandFields.read(command, "variableNames"));
		}
		else if (command instanceof AbstractCorrelateMessageCmd) {
			MessageCorrelationBuilderImpl builder = CommandFields.read(command, "builder");
			refuseGovernanceVariables(builder.getPayloadProcessInstanceVariables());
			refuseGovernanceVariables(builder.getPayloadProcessInstanceVariablesLocal());
			refuseGovernanceVariables(builder.getPayloadProcessInstanceVariablesToTriggeredScope());
		}
	}

	private static void refuseGovernanceVariables(Map<String, ?> variables) {
		if (variables != null) {
			refuseGovernanceNames(variables.keySet());
		}
	}

	private static void refuseGovernanceNames(Collection<String> names) {
		if (names == null) {
			return;
		}
		for (String name : names) {
			if (ServiceLifecycleProcess.Variables.GOVERNANCE.contains(name)) {
				throw new AuthorizationException("The variable '" + name
						+ "' records who did what for the four-eyes principle; only the engine sets it");
			}
		}
	}

}
