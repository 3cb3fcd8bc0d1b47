package org.pmo.servicelifecycle.web;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns failures of the catalog API into JSON a client can act on: the offending field and what is wrong with it,
 * never a stack trace.
 */
@RestControllerAdvice(basePackages = "org.pmo.servicelifecycle")
class ApiErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException ex) {
		return badRequest(ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new ApiError.FieldError(error.getField(), error.getDefaultMessage()))
			.toList());
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ApiError> invalidParameter(HandlerMethodValidationException ex) {
		return badRequest(ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new ApiError.FieldError(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ApiError> constraintViolation(ConstraintViolationException ex) {
		return badRequest(ex.getConstraintViolations()
			.stream()
			.map((violation) -> new ApiError.FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
			.toList());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return badRequest(List.of(new ApiError.FieldError(ex.getName(), "invalid value '" + ex.getValue() + "'")));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map((ref) -> (ref.getFieldName() != null) ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			String problem = (mapping instanceof InvalidFormatException format)
					? "invalid value '" + format.getValue() + "'" : "invalid value";
			return badRequest(List.of(new ApiError.FieldError(field, problem)));
		}
		return ResponseEntity.badRequest().body(ApiError.of(HttpStatus.BAD_REQUEST, "Malformed JSON request body"));
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ApiError> invalidInput(InvalidInputException ex) {
		return badRequest(List.of(new ApiError.FieldError(ex.getField(), ex.getMessage())));
	}

	@ExceptionHandler(ApiAccessDeniedException.class)
	ResponseEntity<ApiError> accessDenied(ApiAccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of(HttpStatus.FORBIDDEN, ex.getMessage()));
	}

	@ExceptionHandler(AuthorizationException.class)
	ResponseEntity<ApiError> engineAccessDenied(AuthorizationException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of(HttpStatus.FORBIDDEN, ex.getMessage()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception ex) {
		// a feature's own refusal of a field (a lifecycle's form rule, for one)
		if (ex instanceof FieldProblem problem) {
			return badRequest(List.of(new ApiError.FieldError(problem.getField(), problem.getMessage())));
		}
		if (ex instanceof ErrorResponse error) {
			// Spring MVC's own refusals (unsupported method or media type, missing parameter, …) keep their status
			HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
			return ResponseEntity.status(status).body(ApiError.of(status, status.getReasonPhrase()));
		}
		log.error("Unexpected failure of a catalog API call", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error; it has been logged"));
	}

	/** Two requests stored the same thing at the same moment (a unique key, a row changed meanwhile). */
	@ExceptionHandler({ DataIntegrityViolationException.class, OptimisticLockingFailureException.class })
	ResponseEntity<ApiError> conflict(RuntimeException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(ApiError.of(HttpStatus.CONFLICT, "Changed by another request at the same moment: read it again and retry"));
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ApiError> contradiction(ConflictException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of(HttpStatus.CONFLICT, ex.getMessage()));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ApiError> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of(HttpStatus.NOT_FOUND, ex.getMessage()));
	}

	private static ResponseEntity<ApiError> badRequest(List<ApiError.FieldError> errors) {
		return ResponseEntity.badRequest().body(new ApiError(HttpStatus.BAD_REQUEST.value(), "Invalid request", errors));
	}

}
