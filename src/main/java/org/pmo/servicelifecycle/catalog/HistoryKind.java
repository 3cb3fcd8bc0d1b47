package org.pmo.servicelifecycle.catalog;

/** What a line of a service's history records. */
public enum HistoryKind {

	REQUESTED, STAGE_CHANGED, TASK_COMPLETED, REVIEW_OPENED, VERSION_RELEASED, CUSTOMERS_NOTIFIED, DECOMMISSIONED,
	AGREEMENTS_CHANGED, SLA_BREACHED, ESCALATED, REVIEW_CYCLE_CHANGED

}
