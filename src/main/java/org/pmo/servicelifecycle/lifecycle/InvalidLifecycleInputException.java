package org.pmo.servicelifecycle.lifecycle;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.pmo.servicelifecycle.web.FieldProblem;

/**
 * A form or REST submission carries a value the lifecycle cannot take. Thrown inside the engine command, it rolls
 * the whole submission back; its message names the field. It is a form validation failure for the engine, so the
 * engine REST API answers {@code 400} and Tasklist shows the message next to the form.
 */
public class InvalidLifecycleInputException extends FormFieldValidationException implements FieldProblem {

	private final String field;

	public InvalidLifecycleInputException(String field, String problem) {
		super(field, field + ": " + problem);
		this.field = field;
	}

	@Override
	public String getField() {
		return this.field;
	}

}
