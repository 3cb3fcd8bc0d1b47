package org.pmo.servicelifecycle.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The JSON body of every error the catalog API returns. */
public record ApiError(int status, String message, List<FieldError> errors) {

	static ApiError of(HttpStatus status, String message) {
		return new ApiError(status.value(), message, List.of());
	}

	/** One offending field, named as the client sent it. */
	public record FieldError(String field, String message) {
	}

}
