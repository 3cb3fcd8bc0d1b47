package org.pmo.servicelifecycle.engine;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.springframework.stereotype.Component;

/** The engine's current authentication behind {@link ApplicationAuthority}. */
@Component
class EngineApplicationAuthority implements ApplicationAuthority {

	private final IdentityService identityService;

	private final ProcessEngine engine;

	EngineApplicationAuthority(IdentityService identityService, ProcessEngine engine) {
		this.identityService = identityService;
		this.engine = engine;
	}

	@Override
	public String currentUserId() {
		Authentication authentication = this.identityService.getCurrentAuthentication();
		return (authentication != null) ? authentication.getUserId() : null;
	}

	@Override
	public List<String> currentGroupIds() {
		Authentication authentication = this.identityService.getCurrentAuthentication();
		return (authentication != null && authentication.getGroupIds() != null) ? authentication.getGroupIds()
				: List.of();
	}

	@Override
	public boolean currentUserIsAdministrator() {
		String user = currentUserId();
		if (user == null) {
			return false;
		}
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		List<String> adminUsers = configuration.getAdminUsers();
		List<String> adminGroups = configuration.getAdminGroups();
		return (adminUsers != null && adminUsers.contains(user))
				|| (adminGroups != null && currentGroupIds().stream().anyMatch(adminGroups::contains));
	}

	@Override
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
