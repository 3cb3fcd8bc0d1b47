package org.pmo.servicelifecycle.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.pmo.servicelifecycle.engine.CommandFields;

/**
 * Task queries that come from outside the engine never evaluate expressions: neither an ad-hoc task query (engine
 * REST {@code /task}, Tasklist's API) nor the query a request adds to a saved filter, and that includes their
 * {@code orQueries}, which Camunda 7.24.0 evaluates although ad-hoc expressions are disabled. The expressions of saved
 * filters ({@code ${currentUser()}}) keep working: they are stored by administrators, not sent with a request.
 */
class TaskQueryExpressionGuard extends CommandInterceptor {

	@Override
	public <T> T execute(Command<T> command) {
		// a command started inside another one (a saved filter running its query) is the engine's own
		if (Context.getCommandContext() == null) {
			if (command instanceof TaskQueryImpl query) {
				refuseExpressions(query);
			}
			else if (command instanceof AbstractExecuteFilterCmd) {
				Object extendingQuery = CommandFields.read(command, "extendingQuery");
				if (extendingQuery instanceof TaskQueryImpl query) {
					refuseExpressions(query);
				}
			}
		}
		return this.next.execute(command);
	}

	private static void refuseExpressions(TaskQueryImpl query) {
		if (hasExpressions(query)) {
			throw new BadUserRequestException(
					"Task queries may not contain expressions (${...} or #{...}); use a saved filter instead");
		}
		for (TaskQueryImpl orQuery : query.getQueries()) {
			if (orQuery != query && hasExpressions(orQuery)) {
				throw new BadUserRequestException(
						"Task queries may not contain expressions (${...} or #{...}), not in orQueries either");
			}
		}
	}

	private static boolean hasExpressions(AbstractQuery<?, ?> query) {
		return query.getExpressions() != null && !query.getExpressions().isEmpty();
	}

}
