package org.pmo.servicelifecycle.lifecycle;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A form or REST submission carries a value the lifecycle cannot take. Thrown inside the engine command, it rolls
 * the whole submission back; its message names the field.
 */
public class InvalidLifecycleInputException extends ProcessEngineException {

	private final String field;

	public InvalidLifecycleInputException(String field, String problem) {
		super(field + ": " + problem);
		this.field = field;
	}

	public String getField() {
		return this.field;
	}

}
