package org.pmo.servicelifecycle.customer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.pmo.servicelifecycle.catalog.CustomerSegment;

/** A customer as the REST API shows it; {@code subscriptions} and {@code offerings} in detail views only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerView(long id, String name, CustomerSegment segment, String contactEmail, List<String> members,
		List<SubscriptionView> subscriptions, List<ReceivedOffering> offerings) {

	static CustomerView of(Customer customer, List<SubscriptionView> subscriptions, List<ReceivedOffering> offerings) {
		return new CustomerView(customer.getId(), customer.getName(), customer.getSegment(), customer.getContactEmail(),
				List.copyOf(customer.getMembers()), subscriptions, offerings);
	}

	/** A service a customer receives: mandated for its segment, or subscribed. */
	public record ReceivedOffering(String service, String name, String level, String stage) {
	}

}
