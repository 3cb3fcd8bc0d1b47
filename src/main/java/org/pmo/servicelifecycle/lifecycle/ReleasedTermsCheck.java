package org.pmo.servicelifecycle.lifecycle;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Checks a transformation's released terms (owner, pilot period, review cycle) against the design form's rules, as the
 * form check does for a submission; the engine seam implements it.
 */
public interface ReleasedTermsCheck {

	/** @throws InvalidLifecycleInputException naming the first term the design form would refuse */
	void check(DelegateExecution execution, Map<String, Object> terms);

}
