package org.pmo.servicelifecycle.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.pmo.servicelifecycle.agreement.CustomerParties;
import org.pmo.servicelifecycle.agreement.Offering;
import org.pmo.servicelifecycle.agreement.OfferingBook;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.web.ConflictException;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The PMO's customer organisations, their people, and what each receives. */
@Service
@Transactional
public class Customers implements CustomerParties {

	/** The stages in which a service runs for its customers. */
	static final Set<Stage> RUNNING = Set.of(Stage.OPERATION, Stage.TRANSFORM, Stage.RETIREMENT);

	private final CustomerRepository customers;

	private final SubscriptionRepository subscriptions;

	private final OfferingBook offerings;

	private final ServiceCatalog catalog;

	private final IdentityService identityService;

	private final ApplicationAuthority application;

	private final Clock clock;

	Customers(CustomerRepository customers, SubscriptionRepository subscriptions, OfferingBook offerings,
			ServiceCatalog catalog, IdentityService identityService, ApplicationAuthority application, Clock clock) {
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.offerings = offerings;
		this.catalog = catalog;
		this.identityService = identityService;
		this.application = application;
		this.clock = clock;
	}

	/** Adds a customer; its members must be people of service-customers who belong to no other customer yet. */
	public CustomerView create(CustomerTerms terms, String actor) {
		if (this.customers.existsByNameKey(Customer.keyOf(terms.name()))) {
			throw new ConflictException("A customer named '" + terms.name().strip() + "' exists already");
		}
		Set<String> seen = new HashSet<>();
		List<String> members = terms.membersOrNone();
		for (int i = 0; i < members.size(); i++) {
			String member = members.get(i);
			String field = "members[" + i + "]";
			if (!seen.add(member)) {
				throw new InvalidInputException(field, "'" + member + "' is listed twice");
			}
			if (!isCustomerPerson(member)) {
				throw new InvalidInputException(field, "'" + member + "' is not a user of " + Groups.SERVICE_CUSTOMERS);
			}
			Optional<Customer> other = this.customers.findByMember(member);
			if (other.isPresent()) {
				throw new ConflictException("'" + member + "' belongs to " + other.get().getName() + " already");
			}
		}
		Customer customer = this.customers.saveAndFlush(new Customer(terms, this.clock.instant(), actor));
		return CustomerView.of(customer, List.of(), null);
	}

	private boolean isCustomerPerson(String userId) {
		return this.application.call(() -> this.identityService.createUserQuery()
			.userId(userId)
			.memberOfGroup(Groups.SERVICE_CUSTOMERS)
			.count() == 1);
	}

	@Transactional(readOnly = true)
	public List<CustomerView> list() {
		return this.customers.findAllByOrderByName().stream().map((c) -> CustomerView.of(c, null, null)).toList();
	}

	@Transactional(readOnly = true)
	public Optional<Customer> organisationOf(String userId) {
		return (userId != null) ? this.customers.findByMember(userId) : Optional.empty();
	}

	@Transactional(readOnly = true)
	public Customer find(long id) {
		return this.customers.findById(id).orElseThrow(() -> new CustomerNotFoundException("customer " + id));
	}

	/** A customer with its subscriptions and what it receives from the services running now. */
	@Transactional(readOnly = true)
	public CustomerView details(long id) {
		Customer customer = find(id);
		List<SubscriptionView> subscribed = this.subscriptions.findByCustomerIdOrderById(customer.getId())
			.stream()
			.map(this::view)
			.toList();
		List<CustomerView.ReceivedOffering> received = new ArrayList<>();
		for (PmoService service : this.offerings.mandatedFor(customer.getSegment(), RUNNING)) {
			received.add(new CustomerView.ReceivedOffering(service.getCode(), service.getName(),
					OfferingLevel.MANDATED.name(), service.getStage().name()));
		}
		for (Subscription subscription : this.subscriptions.findByCustomerIdOrderById(customer.getId())) {
			if (subscription.getStatus() == SubscriptionStatus.ACTIVE) {
				PmoService service = this.catalog.byIds(List.of(subscription.getServiceId())).get(0);
				// a subscription counts while the version in force still offers the segment as additional
				boolean offered = this.offerings.offeringFor(service, subscription.getSegment())
					.filter((offering) -> offering.getLevel() == OfferingLevel.ADDITIONAL)
					.isPresent();
				if (offered && RUNNING.contains(service.getStage())) {
					received.add(new CustomerView.ReceivedOffering(service.getCode(), service.getName(),
							OfferingLevel.ADDITIONAL.name(), service.getStage().name()));
				}
			}
		}
		return CustomerView.of(customer, subscribed, received);
	}

	/**
	 * The customers that receive the service's offerings in force: every customer of a mandated offering's segment,
	 * the active subscribers of an additional one; {@code segment} non-null: of that offering only.
	 */
	@Transactional(readOnly = true)
	public List<Customer> receiving(PmoService service, CustomerSegment segment) {
		Set<String> mandated = new HashSet<>();
		Set<String> additional = new HashSet<>();
		for (Offering offering : this.offerings.offeringsInForce(service)) {
			if (segment == null || offering.getSegment() == segment) {
				(offering.getLevel() == OfferingLevel.MANDATED ? mandated : additional).add(offering.getSegment().name());
			}
		}
		if (mandated.isEmpty() && additional.isEmpty()) {
			return List.of();
		}
		// one query whatever the number of customers; "" stands for no segment (SQL has no empty list)
		return this.customers.receiving(service.getId(), mandated.isEmpty() ? Set.of("") : mandated,
				additional.isEmpty() ? Set.of("") : additional);
	}

	SubscriptionView view(Subscription subscription) {
		PmoService service = this.catalog.byIds(List.of(subscription.getServiceId())).get(0);
		return new SubscriptionView(subscription.getId(), subscription.getCustomerId(), service.getCode(),
				service.getName(), subscription.getSegment(), subscription.getStatus(), subscription.getRequestedBy(),
				subscription.getRequestedAt(), subscription.getDecidedBy(), subscription.getDecidedAt(),
				subscription.getEndedAt(), subscription.getComment());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CustomerSegment> segmentOf(long customerId) {
		return this.customers.findById(customerId).map(Customer::getSegment);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean receives(long customerId, Offering offering) {
		Optional<Customer> customer = this.customers.findById(customerId);
		if (customer.isEmpty() || customer.get().getSegment() != offering.getSegment()) {
			return false;
		}
		return offering.getLevel() == OfferingLevel.MANDATED || this.subscriptions
			.existsByCustomerIdAndServiceIdAndSegmentAndStatus(customerId, offering.getServiceId(),
					offering.getSegment(), SubscriptionStatus.ACTIVE);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> customerOf(String userId) {
		return organisationOf(userId).map(Customer::getId);
	}

	@Override
	@Transactional(readOnly = true)
	public String nameOf(long customerId) {
		return this.customers.findById(customerId).map(Customer::getName).orElse(String.valueOf(customerId));
	}

}
