package org.pmo.servicelifecycle.customer;

/** Where a subscription stands: waiting for the PMO manager, in force, refused, or ended. */
public enum SubscriptionStatus {

	PENDING, ACTIVE, DECLINED, ENDED;

	boolean isOpen() {
		return this == PENDING || this == ACTIVE;
	}

}
