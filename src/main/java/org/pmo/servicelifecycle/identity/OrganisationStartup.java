package org.pmo.servicelifecycle.identity;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Once the engine has started and deployed the models: the groups and filters everywhere, the administrator where one is
 * configured, and the demo organisation and catalog on the embedded default.
 */
@Component
class OrganisationStartup {

	private final Organisation organisation;

	private final DemoData demoData;

	private final boolean demoEnabled;

	private final String adminUser;

	private final String adminPassword;

	OrganisationStartup(Organisation organisation, DemoData demoData, @Value("${pmo.demo.enabled:false}") boolean demoEnabled,
			@Value("${pmo.admin.user:}") String adminUser, @Value("${pmo.admin.password:}") String adminPassword) {
		this.organisation = organisation;
		this.demoData = demoData;
		this.demoEnabled = demoEnabled;
		this.adminUser = adminUser;
		this.adminPassword = adminPassword;
	}

	@EventListener(ApplicationStartedEvent.class)
	void engineReady() {
		this.organisation.ensureGroupsAndFilters();
		if (StringUtils.hasText(this.adminUser) && StringUtils.hasText(this.adminPassword)) {
			this.organisation.ensureUser(this.adminUser, "PMO", "Administrator", this.adminPassword,
					Groups.CAMUNDA_ADMIN);
		}
		if (this.demoEnabled) {
			this.demoData.create();
		}
	}

}
