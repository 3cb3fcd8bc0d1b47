package org.pmo.servicelifecycle.identity;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Once the engine has started and deployed the models: the groups, filters and their grants everywhere, and the
 * administrator where one is configured.
 */
@Component
class OrganisationStartup {

	private final Organisation organisation;

	private final String adminUser;

	private final String adminPassword;

	OrganisationStartup(Organisation organisation, AdminSettings admin) {
		this.organisation = organisation;
		String adminUser = admin.user();
		String adminPassword = admin.password();
		this.adminUser = adminUser;
		this.adminPassword = adminPassword;
	}

	// first: the demo organisation (demo/DemoData) builds on the groups, filters and grants
	@EventListener(ApplicationStartedEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void engineReady() {
		this.organisation.ensureGroupsAndFilters();
		if (StringUtils.hasText(this.adminUser) && StringUtils.hasText(this.adminPassword)) {
			this.organisation.ensureUser(this.adminUser, "PMO", "Administrator", this.adminPassword,
					Groups.CAMUNDA_ADMIN);
		}
	}

}
