package org.pmo.servicelifecycle.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.hibernate.StaleStateException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Two approvers who complete the same task at the same moment: the engine lets exactly one win and rolls the other
 * back (the task's or the catalog entry's row version changed underneath it), or the loser arrives after the winner
 * committed and finds the task gone. The engine REST API would answer the loser {@code 500} with the names of the
 * exceptions; this answers {@code 409 Conflict} with a message a person can act on. Every other error keeps Camunda's
 * own answer.
 */
@Component
class ConcurrentChangeResponses implements ResourceConfigCustomizer {

	static final String MESSAGE = "Someone else completed or changed this task at the same moment, or it is no longer "
			+ "open; nothing of yours was stored. Reload it and try again.";

	@Override
	public void customize(org.glassfish.jersey.server.ResourceConfig config) {
		config.register(RestExceptions.class);
		config.register(EngineExceptions.class);
	}

	static final String GONE = "Cannot find task %s: it is no longer open, someone else completed it at the same moment "
			+ "(or it never existed); nothing of yours was stored.";

	private static final Pattern COMPLETE_GONE = Pattern.compile("Cannot complete task ([\\w-]+): Cannot find task.*",
			Pattern.DOTALL);

	/** The loser of a race that arrives after the winner's commit finds the task gone. */
	static Response goneOrNull(RestException error) {
		Matcher matcher = COMPLETE_GONE.matcher(String.valueOf(error.getMessage()));
		if (!(error.getCause() instanceof NullValueException) || !matcher.matches()) {
			return null;
		}
		return Response.status(Response.Status.CONFLICT)
			.type(MediaType.APPLICATION_JSON_TYPE)
			.entity(Map.of("type", "TaskNoLongerOpen", "message", String.format(GONE, matcher.group(1))))
			.build();
	}

	static boolean isConcurrentChange(Throwable error) {
		for (Throwable cause = error; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof OptimisticLockingException || cause instanceof OptimisticLockingFailureException
					|| cause instanceof StaleStateException) {
				return true;
			}
		}
		return false;
	}

	static Response conflict() {
		return Response.status(Response.Status.CONFLICT)
			.type(MediaType.APPLICATION_JSON_TYPE)
			.entity(Map.of("type", "ConcurrentChange", "message", MESSAGE))
			.build();
	}

	@Priority(1)
	static class RestExceptions implements ExceptionMapper<RestException> {

		private final RestExceptionHandler camunda = new RestExceptionHandler();

		@Override
		public Response toResponse(RestException exception) {
			if (isConcurrentChange(exception)) {
				return conflict();
			}
			Response gone = goneOrNull(exception);
			return (gone != null) ? gone : this.camunda.toResponse(exception);
		}

	}

	@Priority(1)
	static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

		private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

		@Override
		public Response toResponse(ProcessEngineException exception) {
			return isConcurrentChange(exception) ? conflict() : this.camunda.toResponse(exception);
		}

	}

}
