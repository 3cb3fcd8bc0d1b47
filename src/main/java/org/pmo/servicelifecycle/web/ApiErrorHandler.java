package org.pmo.servicelifecycle.web;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns failures of the catalog API into problem details a client can act on (see {@link Problems}): the offending
 * field and what is wrong with it, never a stack trace. A person's mistake is logged in one line at INFO; only what
 * nobody asked for is an ERROR with its trace.
 */
@RestControllerAdvice(basePackages = "org.pmo.servicelifecycle")
class ApiErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException ex, HttpServletRequest request) {
		return invalid(ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new Problems.FieldError(error.getField(), error.getDefaultMessage()))
			.toList(), request);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> invalidParameter(HandlerMethodValidationException ex, HttpServletRequest request) {
		return invalid(ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new Problems.FieldError(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList(), request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
		return invalid(ex.getConstraintViolations()
			.stream()
			.map((violation) -> new Problems.FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
			.toList(), request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return invalid(List.of(new Problems.FieldError(ex.getName(), "invalid value '" + ex.getValue() + "'")), request);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map((ref) -> (ref.getFieldName() != null) ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			String problem = (mapping instanceof InvalidFormatException format)
					? "invalid value '" + format.getValue() + "'" : "invalid value";
			return invalid(List.of(new Problems.FieldError(field, problem)), request);
		}
		return refused(HttpStatus.BAD_REQUEST, "Malformed JSON request body", request);
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex, HttpServletRequest request) {
		return invalid(List.of(new Problems.FieldError(ex.getField(), ex.getMessage())), request);
	}

	@ExceptionHandler(ApiAccessDeniedException.class)
	ResponseEntity<ProblemDetail> accessDenied(ApiAccessDeniedException ex, HttpServletRequest request) {
		return refused(HttpStatus.FORBIDDEN, ex.getMessage(), request);
	}

	@ExceptionHandler(AuthorizationException.class)
	ResponseEntity<ProblemDetail> engineAccessDenied(AuthorizationException ex, HttpServletRequest request) {
		return refused(HttpStatus.FORBIDDEN, ex.getMessage(), request);
	}

	@ExceptionHandler(ApiProblemException.class)
	ResponseEntity<ProblemDetail> apiProblem(ApiProblemException ex, HttpServletRequest request) {
		return refused(ex.status(), ex.getMessage(), request);
	}

	/** Two requests stored the same thing at the same moment (a unique key, a row changed meanwhile). */
	@ExceptionHandler({ DataIntegrityViolationException.class, OptimisticLockingFailureException.class,
			OptimisticLockingException.class, PessimisticLockingFailureException.class })
	ResponseEntity<ProblemDetail> conflict(RuntimeException ex, HttpServletRequest request) {
		return refused(HttpStatus.CONFLICT, "Changed by another request at the same moment: read it again and retry",
				request);
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> contradiction(ConflictException ex, HttpServletRequest request) {
		return refused(HttpStatus.CONFLICT, ex.getMessage(), request);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex, HttpServletRequest request) {
		return refused(HttpStatus.NOT_FOUND, ex.getMessage(), request);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException ex, HttpServletRequest request) {
		return refused(HttpStatus.NOT_FOUND, "No such resource: " + request.getRequestURI(), request);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
		return refused(HttpStatus.NOT_ACCEPTABLE, "This resource is answered as "
				+ ex.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "))
				+ "; the request's Accept header allows none of them", request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		// a feature's own refusal of a field (a lifecycle's form rule, for one)
		if (ex instanceof FieldProblem problem) {
			return invalid(List.of(new Problems.FieldError(problem.getField(), problem.getMessage())), request);
		}
		if (ex instanceof ErrorResponse error) {
			// Spring MVC's own refusals (unsupported method or media type, missing parameter, …) keep their status
			HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
			String detail = error.getBody().getDetail();
			ResponseEntity<ProblemDetail> answer = refused(status, (detail != null) ? detail : status.getReasonPhrase(),
					request);
			// what Spring says the client may send instead (Allow, Accept, Accept-Patch)
			return ResponseEntity.status(status).headers(error.getHeaders()).contentType(Problems.MEDIA_TYPE)
				.body(answer.getBody());
		}
		log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), ex);
		return Problems.answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error; it has been logged",
				request.getRequestURI()));
	}

	private static ResponseEntity<ProblemDetail> invalid(List<Problems.FieldError> errors, HttpServletRequest request) {
		ProblemDetail problem = Problems.invalid(errors, request.getRequestURI());
		log.info("Refused {} {}: {}", request.getMethod(), Problems.oneLine(request.getRequestURI()),
				Problems.oneLine(problem.getDetail()));
		return Problems.answer(problem);
	}

	private static ResponseEntity<ProblemDetail> refused(HttpStatus status, String detail, HttpServletRequest request) {
		log.info("Refused {} {} with {}: {}", request.getMethod(), Problems.oneLine(request.getRequestURI()),
				status.value(), Problems.oneLine(detail));
		return Problems.answer(Problems.of(status, detail, request.getRequestURI()));
	}

}
