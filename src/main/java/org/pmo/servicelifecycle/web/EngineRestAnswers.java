package org.pmo.servicelifecycle.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.spin.SpinRuntimeException;
import org.hibernate.StaleStateException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * How the engine REST API answers what goes wrong, where Camunda's own answer would be a server error.
 * <p>
 * Bad input and refusals: some of Camunda's endpoints report any engine exception as {@code 500} (starting a process,
 * for one) and its REST layer fails on a request body's missing parts; a refusal is {@code 403}, a failed form check,
 * a missing value or other bad input {@code 400}, with the message that names the field.
 * <p>
 * Two approvers who complete the same task at the same moment: the engine lets exactly one win and rolls the other
 * back (the task's or the catalog entry's row version changed underneath it), or the loser arrives after the winner
 * committed and finds the task gone. The engine REST API would answer the loser {@code 500} with the names of the
 * exceptions; this answers {@code 409 Conflict} with a message a person can act on. Every other error keeps Camunda's
 * own answer.
 */
@Component
class EngineRestAnswers implements ResourceConfigCustomizer {

	static final String MESSAGE = "Someone else completed or changed this task at the same moment, or it is no longer "
			+ "open; nothing of yours was stored. Reload it and try again.";

	@Override
	public void customize(org.glassfish.jersey.server.ResourceConfig config) {
		config.register(RestExceptions.class);
		config.register(EngineExceptions.class);
		config.register(MissingParts.class);
		config.register(UnreadableValues.class);
	}

	/** How the engine says that a BPMN error reached no boundary event (enableExceptionsAfterUnhandledBpmnError). */
	private static final String UNCAUGHT_ERROR = "but no error handler was defined";

	/** A refusal or bad input inside a server error, answered as what it is; anything else as Camunda answers it. */
	static Response badInputOr(Throwable exception, Response camundaAnswer) {
		// the field's own words, not the engine's wrapping of a listener's refusal ("ENGINE-03051 … Message: '…'")
		Throwable refusal = Causes
			.first(exception, (cause) -> cause instanceof FieldProblem || cause instanceof RefusedWithProblems)
			.orElse(null);
		if (refusal instanceof RefusedWithProblems refused) {
			return Response.status(Response.Status.BAD_REQUEST)
				.type(MediaType.APPLICATION_JSON_TYPE)
				.entity(Map.of("type", "DeploymentRefused", "message", String.valueOf(refused.getMessage()), "problems",
						refused.problems()))
				.build();
		}
		if (refusal != null) {
			return badRequest(String.valueOf(refusal.getMessage()));
		}
		if (camundaAnswer.getStatus() < 500) {
			return camundaAnswer;
		}
		Throwable known = Causes.first(exception, (cause) -> cause instanceof AuthorizationException
				|| isUncaughtBpmnError(cause) || isBadInput(cause)).orElse(null);
		if (known instanceof AuthorizationException refused) {
			return ExceptionHandlerHelper.getInstance().getResponse(refused);
		}
		if (known != null && isUncaughtBpmnError(known)) {
			return badRequest("The model catches no BPMN error with this code here: " + known.getMessage());
		}
		if (known != null) {
			return badRequest(String.valueOf(known.getMessage()));
		}
		return camundaAnswer;
	}

	private static boolean isUncaughtBpmnError(Throwable cause) {
		return cause instanceof ProcessEngineException && String.valueOf(cause.getMessage()).contains(UNCAUGHT_ERROR);
	}

	private static boolean isBadInput(Throwable cause) {
		return cause instanceof BadUserRequestException || cause instanceof NullValueException
				|| cause instanceof SpinRuntimeException || cause instanceof NumberFormatException
				|| cause instanceof NullPointerException;
	}

	static Response badRequest(String message) {
		return Response.status(Response.Status.BAD_REQUEST)
			.type(MediaType.APPLICATION_JSON_TYPE)
			.entity(Map.of("type", "InvalidRequestException", "message", message))
			.build();
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

	/** Claiming, reading or submitting a task that is gone (completed, withdrawn, or never there). */
	private static final Pattern TASK_GONE = Pattern.compile("Cannot find task (?:with id )?'?([\\w-]+)'?[.:].*",
			Pattern.DOTALL);

	static final String TASK_NOT_FOUND = "No open task %s: it was completed or withdrawn (a review it belonged to may "
			+ "have taken in its request), or it never existed; nothing was stored.";

	/** A task that is not there answers 404 with a message a person can act on. */
	static Response missingTaskOrNull(Throwable error) {
		return Causes
			.first(error, (cause) -> (cause instanceof NullValueException || cause instanceof BadUserRequestException)
					&& TASK_GONE.matcher(String.valueOf(cause.getMessage())).matches())
			.map((cause) -> {
				Matcher matcher = TASK_GONE.matcher(String.valueOf(cause.getMessage()));
				matcher.matches();
				return Response.status(Response.Status.NOT_FOUND)
					.type(MediaType.APPLICATION_JSON_TYPE)
					.entity(Map.of("type", "TaskNotFound", "message", String.format(TASK_NOT_FOUND, matcher.group(1))))
					.build();
			})
			.orElse(null);
	}

	static boolean isDatabaseFailure(Throwable error) {
		return Causes
			.first(error, (cause) -> cause instanceof java.sql.SQLException || cause instanceof ProcessEnginePersistenceException)
			.isPresent();
	}

	static boolean isConcurrentChange(Throwable error) {
		return Causes.first(error, (cause) -> cause instanceof OptimisticLockingException
				|| cause instanceof OptimisticLockingFailureException || cause instanceof StaleStateException)
			.isPresent();
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
			if (gone == null) {
				gone = missingTaskOrNull(exception);
			}
			return (gone != null) ? gone : badInputOr(exception, this.camunda.toResponse(exception));
		}

	}

	@Priority(1)
	static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

		private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

		@Context
		private Request request;

		@Override
		public Response toResponse(ProcessEngineException exception) {
			if (isConcurrentChange(exception)) {
				return conflict();
			}
			Response missing = missingTaskOrNull(exception);
			if (missing != null) {
				return missing;
			}
			Response answer = badInputOr(exception, this.camunda.toResponse(exception));
			// a read changes nothing: when the engine cannot answer it as asked, the asking was wrong
			if (answer.getStatus() >= 500 && this.request != null && "GET".equals(this.request.getMethod())
					&& !isDatabaseFailure(exception)) {
				return badRequest("The query cannot be answered as asked: " + exception.getMessage());
			}
			return answer;
		}

	}

	/** A JSON or XML value the request sent that does not parse. */
	@Priority(1)
	static class UnreadableValues implements ExceptionMapper<SpinRuntimeException> {

		@Override
		public Response toResponse(SpinRuntimeException exception) {
			return badRequest("A value of the request cannot be read as the type it names: " + exception.getMessage());
		}

	}

	/** Camunda's REST layer reads a request body's missing parts as null: the request is incomplete. */
	@Priority(1)
	static class MissingParts implements ExceptionMapper<NullPointerException> {

		@Override
		public Response toResponse(NullPointerException exception) {
			return badRequest("The request lacks a value it needs; see the engine's REST reference for this endpoint");
		}

	}

}
