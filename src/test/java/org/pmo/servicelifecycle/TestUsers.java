package org.pmo.servicelifecycle;

import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.identity.Organisation;

/** The demo organisation's people, for tests that run without the demo data: password = id. */
public final class TestUsers {

	private TestUsers() {
	}

	public static void create(Organisation organisation) {
		organisation.ensureGroupsAndFilters();
		organisation.ensureUser("demo", "Demo", "Administrator", "demo", Groups.CAMUNDA_ADMIN, Groups.SERVICE_CUSTOMERS,
				Groups.PMO_ANALYSTS, Groups.PMO_MANAGERS, Groups.PORTFOLIO_BOARD);
		organisation.ensureUser("anna", "Anna", "Berg", "anna", Groups.PMO_ANALYSTS);
		organisation.ensureUser("mark", "Mark", "Lewis", "mark", Groups.PMO_MANAGERS);
		organisation.ensureUser("sara", "Sara", "Okafor", "sara", Groups.PORTFOLIO_BOARD);
		organisation.ensureUser("paul", "Paul", "Martin", "paul", Groups.SERVICE_CUSTOMERS);
		organisation.ensureUser("olivia", "Olivia", "Novak", "olivia", Groups.PMO_PROCESS_OWNERS);
	}

}
