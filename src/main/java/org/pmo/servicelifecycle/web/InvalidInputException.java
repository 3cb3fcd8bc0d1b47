package org.pmo.servicelifecycle.web;

/** A request value the application cannot take; the API answers 400 naming the field as the client sent it. */
public class InvalidInputException extends RuntimeException implements FieldProblem {

	private final String field;

	public InvalidInputException(String field, String problem) {
		super(problem);
		this.field = field;
	}

	@Override
	public String getField() {
		return this.field;
	}

}
