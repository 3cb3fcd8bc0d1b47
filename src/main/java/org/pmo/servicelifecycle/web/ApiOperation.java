package org.pmo.servicelifecycle.web;

import static org.pmo.servicelifecycle.identity.Groups.CAMUNDA_ADMIN;
import static org.pmo.servicelifecycle.identity.Groups.PMO_ANALYSTS;
import static org.pmo.servicelifecycle.identity.Groups.PMO_MANAGERS;
import static org.pmo.servicelifecycle.identity.Groups.PMO_PROCESS_OWNERS;
import static org.pmo.servicelifecycle.identity.Groups.PORTFOLIO_BOARD;
import static org.pmo.servicelifecycle.identity.Groups.SERVICE_CUSTOMERS;

import java.util.Collection;
import java.util.Set;

/**
 * What a caller of the catalog API ({@code /api}) may do, by group: the API's half of the role matrix in
 * {@code docs/security.md}. Every {@code /api} endpoint names its operation with {@link ApiPermission}.
 */
public enum ApiOperation {

	/** Raise a service request (starts a lifecycle). */
	REQUEST_SERVICE("raise service requests", SERVICE_CUSTOMERS, PMO_ANALYSTS, PMO_MANAGERS, PORTFOLIO_BOARD,
			CAMUNDA_ADMIN),

	/** Read services, their history, agreements and measurements. */
	READ_CATALOG("read the service catalog", SERVICE_CUSTOMERS, PMO_ANALYSTS, PMO_MANAGERS, PORTFOLIO_BOARD,
			CAMUNDA_ADMIN),

	/** Change a service's terms outside the lifecycle's forms. */
	CHANGE_SERVICE("change services", PMO_ANALYSTS, PMO_MANAGERS, CAMUNDA_ADMIN),

	/** Create and change the performance agreements (SLAs) of a service. */
	MANAGE_AGREEMENTS("manage performance agreements", PMO_ANALYSTS, PMO_MANAGERS, CAMUNDA_ADMIN),

	/** Record measurements against an agreement (SLA attainment). */
	RECORD_MEASUREMENTS("record measurements", PMO_ANALYSTS, PMO_MANAGERS, CAMUNDA_ADMIN),

	/** Read customer organisations and their subscriptions (a customer: his own organisation only). */
	READ_CUSTOMERS("read customers and subscriptions", SERVICE_CUSTOMERS, PMO_ANALYSTS, PMO_MANAGERS, PORTFOLIO_BOARD,
			CAMUNDA_ADMIN),

	/** Add customer organisations and name their people. */
	MANAGE_CUSTOMERS("add customers", PMO_MANAGERS, CAMUNDA_ADMIN),

	/** Subscribe to an additional offering and end a subscription (a customer: for his own organisation only). */
	SUBSCRIBE("subscribe to offerings", SERVICE_CUSTOMERS, PMO_MANAGERS, CAMUNDA_ADMIN),

	/** Read the notices a service's customers were given (its outbox), with their contacts. */
	READ_NOTICES("read the notices to customers", PMO_ANALYSTS, PMO_MANAGERS, PORTFOLIO_BOARD, CAMUNDA_ADMIN),

	/** Read the strategy: objectives, capacity, business cases, portfolio reviews (every work group). */
	READ_STRATEGY("read the service strategy", PMO_ANALYSTS, PMO_MANAGERS, PORTFOLIO_BOARD, CAMUNDA_ADMIN),

	/** Keep the objectives and the capacity and budget per year; ask for a portfolio review. */
	MANAGE_STRATEGY("keep objectives and capacity, start portfolio reviews", PORTFOLIO_BOARD, CAMUNDA_ADMIN),

	/** Estimate a service's business case in numbers (as the design form does). */
	ESTIMATE_BUSINESS_CASES("estimate business cases", PMO_ANALYSTS, PMO_MANAGERS, CAMUNDA_ADMIN),

	/** Ask for the session's CSRF token, which the portfolio's pages send with their changes (every group). */
	SESSION_TOKEN("take the session's token for the portfolio's pages", SERVICE_CUSTOMERS, PMO_ANALYSTS, PMO_MANAGERS,
			PORTFOLIO_BOARD, PMO_PROCESS_OWNERS, CAMUNDA_ADMIN),

	/** Read the models' versions and migrate running lifecycles from one version to another. */
	MIGRATE_LIFECYCLES("read model versions and migrate running lifecycles", PMO_PROCESS_OWNERS, CAMUNDA_ADMIN);

	private final String description;

	private final Set<String> groups;

	ApiOperation(String description, String... groups) {
		this.description = description;
		this.groups = Set.of(groups);
	}

	public String description() {
		return this.description;
	}

	public Set<String> groups() {
		return this.groups;
	}

	public boolean allows(Collection<String> groupIds) {
		return groupIds != null && groupIds.stream().anyMatch(this.groups::contains);
	}

}
