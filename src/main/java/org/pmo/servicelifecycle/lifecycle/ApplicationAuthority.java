package org.pmo.servicelifecycle.lifecycle;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine work that follows from an already permitted request (a recorded breach, a changed review cycle, an
 * administrator's consistency check) as the application itself rather than as the calling user, whose engine grants
 * cover his own tasks only.
 */
@Component
public class ApplicationAuthority {

	private final IdentityService identityService;

	ApplicationAuthority(IdentityService identityService) {
		this.identityService = identityService;
	}

	/** The user the current request acts for, or null when the application acts (start-up, jobs, timers). */
	public String currentUserId() {
		Authentication authentication = this.identityService.getCurrentAuthentication();
		return (authentication != null) ? authentication.getUserId() : null;
	}

	public void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

	public <T> T call(Supplier<T> work) {
		Authentication caller = this.identityService.getCurrentAuthentication();
		this.identityService.clearAuthentication();
		try {
			return work.get();
		}
		finally {
			if (caller != null) {
				this.identityService.setAuthentication(caller);
			}
		}
	}

}
