package org.pmo.servicelifecycle.web;

/** What a request names does not exist: answered 404 with the message. */
public abstract class NotFoundException extends RuntimeException {

	protected NotFoundException(String message) {
		super(message);
	}

}
