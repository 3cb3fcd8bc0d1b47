package org.pmo.servicelifecycle.lifecycle;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Asks a live service's lifecycle for an unscheduled review (SLA breach, complaint). */
@Service
public class ReviewRequests {

	private final RuntimeService runtimeService;

	ReviewRequests(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	public void requestUnscheduledReview(String code, String reason) {
		this.runtimeService.createMessageCorrelation(ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED)
			.processInstanceBusinessKey(code)
			.setVariable(ServiceLifecycleProcess.Variables.REVIEW_REASON, reason)
			.correlate();
	}

}
