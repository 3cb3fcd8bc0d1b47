package org.pmo.servicelifecycle.web;

/** The caller of the catalog API is authenticated but his groups do not allow the operation. */
public class ApiAccessDeniedException extends RuntimeException {

	public ApiAccessDeniedException(String message) {
		super(message);
	}

}
