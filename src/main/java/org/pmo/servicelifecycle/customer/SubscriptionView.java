package org.pmo.servicelifecycle.customer;

import java.time.Instant;

import org.pmo.servicelifecycle.catalog.CustomerSegment;

/** A subscription as the REST API shows it. */
public record SubscriptionView(long id, long customer, String service, String serviceName, CustomerSegment segment,
		SubscriptionStatus status, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
		Instant endedAt, String comment) {

}
