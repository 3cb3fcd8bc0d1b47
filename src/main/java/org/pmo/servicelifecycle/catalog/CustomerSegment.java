package org.pmo.servicelifecycle.catalog;

/** The groups of customers a PMO service is offered to. */
public enum CustomerSegment {

	PROJECT_MANAGERS, PROGRAMME_MANAGERS, SENIOR_EXECUTIVES, END_USERS

}
