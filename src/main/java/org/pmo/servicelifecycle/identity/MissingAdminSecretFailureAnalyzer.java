package org.pmo.servicelifecycle.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing administrator secret into a short start-up report that says what to set. */
class MissingAdminSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingAdminSecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingAdminSecretException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set the environment variable " + cause.getVariable() + " (or the property " + cause.getProperty()
						+ ") before starting with the profile 'postgres'. The application creates that administrator"
						+ " in the group camunda-admin; no password is committed or defaulted.",
				cause);
	}

}
