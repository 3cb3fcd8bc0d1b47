package org.pmo.servicelifecycle.lifecycle;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Asks a live service's lifecycle for an unscheduled review (SLA breach). The review follows from recorded facts,
 * not from the recording user's rights over the lifecycle, so the application asks as itself.
 */
@Service
public class ReviewRequests {

	private final RuntimeService runtimeService;

	private final ApplicationAuthority application;

	ReviewRequests(RuntimeService runtimeService, ApplicationAuthority application) {
		this.runtimeService = runtimeService;
		this.application = application;
	}

	public void requestUnscheduledReview(String code, String reason) {
		this.application.run(() -> this.runtimeService
			.createMessageCorrelation(ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED)
			.processInstanceBusinessKey(code)
			.setVariable(ServiceLifecycleProcess.Variables.REVIEW_REASON, reason)
			.correlate());
	}

}
