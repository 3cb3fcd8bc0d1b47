package org.pmo.servicelifecycle.engine;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.pmo.servicelifecycle.engine.EngineAllowlist.Permit;
import org.pmo.servicelifecycle.engine.EngineAllowlist.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a person's command only when {@link EngineAllowlist} names it for him; refuses everything else with 403 before
 * it runs. Only the command a person asked for is ruled: the commands the engine runs inside it are its own doing.
 */
class DenyByDefault extends CommandInterceptor {

	private static final Logger LOG = LoggerFactory.getLogger(DenyByDefault.class);

	/** How deep the current thread is in nested commands (0: none running). */
	private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

	@Override
	public <T> T execute(Command<T> command) {
		int[] depth = DEPTH.get();
		if (depth[0] > 0) {
			return nested(command, depth);
		}
		CommandContext context = Context.getCommandContext();
		Authentication person = (context != null) ? context.getAuthentication() : null;
		if (person == null || person.getUserId() == null
				|| context.getAuthorizationManager().isCamundaAdmin(person)) {
			return nested(command, depth);
		}
		Permit permit = EngineAllowlist.PERMITS.get(command.getClass().getName());
		if (permit == null || !permit.admits(person)) {
			LOG.info("Refused {} to {}: not allowed for the groups {}", command.getClass().getName(),
					person.getUserId(), person.getGroupIds());
			throw EngineAllowlist.refusal(person, EngineAllowlist.operationOf(command.getClass()),
					(permit == null) ? "not an operation people may run" : "not for his groups");
		}
		Verdict verdict = permit.rule().check(context, command, person);
		if (verdict == Verdict.AS_APPLICATION) {
			return context.runWithoutAuthorization(() -> nested(command, depth));
		}
		return nested(command, depth);
	}

	private <T> T nested(Command<T> command, int[] depth) {
		depth[0]++;
		try {
			return this.next.execute(command);
		}
		finally {
			depth[0]--;
		}
	}

}
