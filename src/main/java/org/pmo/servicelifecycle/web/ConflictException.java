package org.pmo.servicelifecycle.web;

/** What the request asks for contradicts what is stored (a second subscription, say): answered with 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
