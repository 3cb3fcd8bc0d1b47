package org.pmo.servicelifecycle.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Bad input and refusals on {@code /engine-rest} answer as what they are: some of Camunda's endpoints report any
 * engine exception as a server error (starting a process, for one), so a refused form value would come back as 500.
 * A refusal is 403, a failed form check or bad user input 400, with the message that names the field.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

	@Override
	public void customize(org.glassfish.jersey.server.ResourceConfig config) {
		config.register(new RestExceptions());
		config.register(new EngineExceptions());
	}

	static Response answer(Throwable exception, Response camundaAnswer) {
		if (camundaAnswer.getStatus() < 500) {
			return camundaAnswer;
		}
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuthorizationException refusal) {
				return ExceptionHandlerHelper.getInstance().getResponse(refusal);
			}
			if ((cause instanceof FormFieldValidationException || cause instanceof BadUserRequestException
					|| cause instanceof NumberFormatException) && cause instanceof Exception) {
				return ExceptionHandlerHelper.getInstance()
					.getResponse(new InvalidRequestException(Status.BAD_REQUEST, (Exception) cause, cause.getMessage()));
			}
			if (cause == cause.getCause()) {
				break;
			}
		}
		return camundaAnswer;
	}

	@Priority(1000)
	static final class RestExceptions implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException exception) {
			return answer(exception, ExceptionHandlerHelper.getInstance().getResponse(exception));
		}

	}

	@Priority(1000)
	static final class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

		@Override
		public Response toResponse(ProcessEngineException exception) {
			return answer(exception, ExceptionHandlerHelper.getInstance().getResponse(exception));
		}

	}

}
