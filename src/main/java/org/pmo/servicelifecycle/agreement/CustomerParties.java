package org.pmo.servicelifecycle.agreement;

import java.util.Optional;

import org.pmo.servicelifecycle.catalog.CustomerSegment;

/** Where measurements find the customers they name: whether one exists, its segment, what it receives. */
public interface CustomerParties {

	/** The segment of the customer, or empty when there is no such customer. */
	Optional<CustomerSegment> segmentOf(long customerId);

	/** The customer receives the service's offering for the segment (mandated for it, or subscribed). */
	boolean receives(long customerId, Offering offering);

	/** The customer organisation a person of service-customers belongs to. */
	Optional<Long> customerOf(String userId);

	/** A customer's name for reports, or its id when unknown. */
	String nameOf(long customerId);

}
