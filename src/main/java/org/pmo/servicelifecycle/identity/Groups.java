package org.pmo.servicelifecycle.identity;

import java.util.Collection;
import java.util.List;

/** The Camunda groups the models and the authorizations rely on. Their ids are a contract: keep them. */
public final class Groups {

	public static final String SERVICE_CUSTOMERS = "service-customers";

	public static final String PMO_ANALYSTS = "pmo-analysts";

	public static final String PMO_MANAGERS = "pmo-managers";

	public static final String PORTFOLIO_BOARD = "portfolio-board";

	/** Process owners: deploy the models from Camunda Modeler, watch them in Cockpit, migrate running lifecycles. */
	public static final String PMO_PROCESS_OWNERS = "pmo-process-owners";

	/** Camunda's own administrators' group. */
	public static final String CAMUNDA_ADMIN = "camunda-admin";

	/** Id, display name and type of every group the application needs. */
	public static final List<String[]> ALL = List.of(
			new String[] { SERVICE_CUSTOMERS, "Service customers", "WORKFLOW" },
			new String[] { PMO_ANALYSTS, "PMO analysts", "WORKFLOW" },
			new String[] { PMO_MANAGERS, "PMO managers", "WORKFLOW" },
			new String[] { PORTFOLIO_BOARD, "Portfolio board", "WORKFLOW" },
			new String[] { PMO_PROCESS_OWNERS, "PMO process owners", "WORKFLOW" },
			new String[] { CAMUNDA_ADMIN, "Camunda administrators", "SYSTEM" });

	/** The groups that work on lifecycle tasks, each with the inbox name Tasklist shows for it. */
	public static final List<String[]> WORK_GROUPS = List.of(new String[] { PMO_MANAGERS, "PMO managers' tasks" },
			new String[] { PMO_ANALYSTS, "PMO analysts' tasks" },
			new String[] { PORTFOLIO_BOARD, "Portfolio board's tasks" });

	private Groups() {
	}

	/** People of the PMO's work groups see every customer organisation; a customer sees his own. */
	public static boolean seeEveryCustomer(Collection<String> groupIds) {
		return groupIds != null && groupIds.stream()
			.anyMatch((group) -> PMO_ANALYSTS.equals(group) || PMO_MANAGERS.equals(group)
					|| PORTFOLIO_BOARD.equals(group) || CAMUNDA_ADMIN.equals(group));
	}

	/** Process owners and administrators deploy models and migrate lifecycles. */
	public static boolean ownProcesses(Collection<String> groupIds) {
		return groupIds != null && groupIds.stream()
			.anyMatch((group) -> PMO_PROCESS_OWNERS.equals(group) || CAMUNDA_ADMIN.equals(group));
	}

	/** PMO managers act for any customer organisation (subscriptions); anybody else for his own only. */
	public static boolean actForEveryCustomer(Collection<String> groupIds) {
		return groupIds != null
				&& groupIds.stream().anyMatch((group) -> PMO_MANAGERS.equals(group) || CAMUNDA_ADMIN.equals(group));
	}

}
