package org.pmo.servicelifecycle.identity;

/** The administrator's user or password is not configured where the application needs one. */
public class MissingAdminSecretException extends IllegalStateException {

	private final String variable;

	private final String property;

	MissingAdminSecretException(String variable, String property) {
		super(variable + " is not set: the administrator needs it (property " + property
				+ "), and there is no default");
		this.variable = variable;
		this.property = property;
	}

	public String getVariable() {
		return this.variable;
	}

	public String getProperty() {
		return this.property;
	}

}
