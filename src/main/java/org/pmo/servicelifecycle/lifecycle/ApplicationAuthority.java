package org.pmo.servicelifecycle.lifecycle;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine work that follows from an already permitted catalog change (a recorded breach, a changed review
 * cycle) as the application itself rather than as the calling user, whose engine grants cover his tasks only.
 */
@Component
public class ApplicationAuthority {

	private final IdentityService identityService;

	ApplicationAuthority(IdentityService identityService) {
		this.identityService = identityService;
	}

	public void run(Runnable work) {
		Authentication caller = this.identityService.getCurrentAuthentication();
		this.identityService.clearAuthentication();
		try {
			work.run();
		}
		finally {
			if (caller != null) {
				this.identityService.setAuthentication(caller);
			}
		}
	}

}
