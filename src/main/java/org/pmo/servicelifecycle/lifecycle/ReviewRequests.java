package org.pmo.servicelifecycle.lifecycle;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

/**
 * Asks a live service's lifecycle for an unscheduled review (SLA breach). The review follows from recorded facts,
 * not from the recording user's rights over the lifecycle, so the application asks as itself.
 */
@Service
public class ReviewRequests {

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	ReviewRequests(RuntimeService runtimeService, IdentityService identityService) {
		this.runtimeService = runtimeService;
		this.identityService = identityService;
	}

	public void requestUnscheduledReview(String code, String reason) {
		Authentication caller = this.identityService.getCurrentAuthentication();
		this.identityService.clearAuthentication();
		try {
			this.runtimeService.createMessageCorrelation(ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED)
				.processInstanceBusinessKey(code)
				.setVariable(ServiceLifecycleProcess.Variables.REVIEW_REASON, reason)
				.correlate();
		}
		finally {
			if (caller != null) {
				this.identityService.setAuthentication(caller);
			}
		}
	}

}
