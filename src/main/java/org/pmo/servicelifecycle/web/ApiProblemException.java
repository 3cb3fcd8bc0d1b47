package org.pmo.servicelifecycle.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal with its own status, for the HTTP conventions of the API: a stale {@code If-Match} (412), a change
 * without one (428), an {@code Idempotency-Key} used again with another body (422).
 */
public class ApiProblemException extends RuntimeException {

	private final HttpStatus status;

	public ApiProblemException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

}
