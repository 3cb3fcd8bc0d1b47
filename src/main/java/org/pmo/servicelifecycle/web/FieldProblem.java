package org.pmo.servicelifecycle.web;

/** A refusal of one field of a request: answered 400, naming the field. */
public interface FieldProblem {

	String getField();

	String getMessage();

}
