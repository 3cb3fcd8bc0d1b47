package org.pmo.servicelifecycle.security;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.pmo.servicelifecycle.lifecycle.CommandFields;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;

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

	private static final Set<Class<?>> MOVING_TOKENS = Set.of(ModifyProcessInstanceCmd.class,
			ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class,
			ProcessInstanceModificationBatchCmd.class, StartProcessInstanceAtActivitiesCmd.class,
			RestartProcessInstancesCmd.class, RestartProcessInstancesBatchCmd.class);

	@Override
	public <T> T execute(Command<T> command) {
		CommandContext context = Context.getCommandContext();
		if (context != null && context.getAuthenticatedUserId() != null) {
			check(context, command);
		}
		return this.next.execute(command);
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
