package org.pmo.servicelifecycle.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Every refusal of the catalog API as an RFC 9457 problem detail ({@code application/problem+json}): the status, its
 * title, what is wrong in words ({@code detail}), the path asked for ({@code instance}) and, for bad input, the
 * offending fields ({@code errors}).
 */
public final class Problems {

	/** The media type of every error body of {@code /api}. */
	public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

	/** The extension member naming each offending field. */
	public static final String ERRORS = "errors";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String detail, String path) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		if (path != null) {
			problem.setInstance(URI.create(path));
		}
		return problem;
	}

	public static ProblemDetail invalid(List<FieldError> errors, String path) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "Invalid request: " + errors.stream()
			.map((error) -> error.field() + ": " + error.message())
			.reduce((first, second) -> first + "; " + second)
			.orElse("no field named"), path);
		problem.setProperty(ERRORS, errors);
		return problem;
	}

	public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MEDIA_TYPE).body(problem);
	}

	/** A text for one log line: line breaks and other control characters a client sent become spaces. */
	public static String oneLine(String text) {
		return (text == null) ? "" : text.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]+", " ");
	}

	/** Writes a problem where no controller answers: the login's filters, the actuator's. */
	public static void write(HttpServletResponse response, HttpStatus status, String detail, String path)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		if (path != null) {
			body.put("instance", path);
		}
		response.setStatus(status.value());
		response.setContentType(MEDIA_TYPE.toString());
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(body));
	}

	/** Writes an error in the shape of Camunda's REST API ({@code type}, {@code message}) where no resource answers. */
	public static void writeEngineError(HttpServletResponse response, int status, String type, String message)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("message", message);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write(JSON.writeValueAsString(body));
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	/** One offending field, named as the client sent it. */
	public record FieldError(String field, String message) {
	}

}
