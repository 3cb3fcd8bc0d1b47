package org.pmo.servicelifecycle.security;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A person tried to approve what he raised, designed or planned himself. An authorization failure for the engine:
 * the engine REST API answers {@code 403} with the message, Tasklist shows it.
 */
public class FourEyesViolationException extends AuthorizationException {

	public FourEyesViolationException(String message) {
		super(message);
	}

}
