package org.pmo.servicelifecycle.customer;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pmo.servicelifecycle.agreement.Labels;
import org.pmo.servicelifecycle.agreement.Offering;
import org.pmo.servicelifecycle.agreement.OfferingBook;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceNotFoundException;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.lifecycle.InvalidLifecycleInputException;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.web.ConflictException;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers subscribe to additional offerings and end their subscriptions. Each subscription runs through the
 * subscription model: at once where the offering takes any number of subscribers, after the PMO manager's approval
 * in Tasklist where its places are limited. Mandated offerings need no subscription.
 */
@Service("subscriptionSteps")
@Transactional
public class Subscriptions {

	/** The stages in which a service takes new subscribers: it runs, and is not being retired. */
	private static final EnumSet<Stage> SUBSCRIBABLE = EnumSet.of(Stage.OPERATION, Stage.TRANSFORM);

	private final SubscriptionRepository subscriptions;

	private final Customers customers;

	private final OfferingBook offerings;

	private final ServiceCatalog catalog;

	private final RuntimeService runtimeService;

	private final ApplicationAuthority application;

	private final Clock clock;

	Subscriptions(SubscriptionRepository subscriptions, Customers customers, OfferingBook offerings,
			ServiceCatalog catalog, RuntimeService runtimeService, ApplicationAuthority application, Clock clock) {
		this.subscriptions = subscriptions;
		this.customers = customers;
		this.offerings = offerings;
		this.catalog = catalog;
		this.runtimeService = runtimeService;
		this.application = application;
		this.clock = clock;
	}

	/** Asks for a subscription of the customer to the service's offering for the customer's segment. */
	public SubscriptionView subscribe(long customerId, String serviceCode, String actor) {
		Customer customer = this.customers.find(customerId);
		PmoService service;
		try {
			service = this.catalog.find(serviceCode);
		}
		catch (ServiceNotFoundException ex) {
			throw new InvalidInputException("service", "no service " + serviceCode);
		}
		if (!SUBSCRIBABLE.contains(service.getStage())) {
			throw new InvalidInputException("service", serviceCode + " is " + service.getStage()
					+ ": only a live service takes new subscribers");
		}
		Offering offering = this.offerings.offeringFor(service, customer.getSegment())
			.orElseThrow(() -> new InvalidInputException("service",
					serviceCode + " makes no offering for " + customer.getSegment() + ", the segment of "
							+ customer.getName()));
		if (offering.getLevel() == OfferingLevel.MANDATED) {
			throw new InvalidInputException("service", serviceCode + " is mandated for " + customer.getSegment()
					+ ": every customer of the segment receives it without a subscription");
		}
		this.subscriptions
			.findFirstByCustomerIdAndServiceIdAndSegmentAndStatusIn(customer.getId(), service.getId(),
					customer.getSegment(), EnumSet.of(SubscriptionStatus.PENDING, SubscriptionStatus.ACTIVE))
			.ifPresent((open) -> {
				throw new ConflictException(customer.getName() + " has a " + open.getStatus().name().toLowerCase()
						+ " subscription to " + serviceCode + " already (subscription " + open.getId() + ")");
			});
		Subscription subscription = this.subscriptions
			.saveAndFlush(new Subscription(customer, service.getId(), actor, this.clock.instant()));
		Map<String, Object> variables = new HashMap<>();
		variables.put(SubscriptionProcess.SUBSCRIPTION_ID, subscription.getId());
		variables.put(ServiceLifecycleProcess.Variables.SERVICE_CODE, service.getCode());
		variables.put(ServiceLifecycleProcess.Variables.SERVICE_NAME, service.getName());
		variables.put(SubscriptionProcess.CUSTOMER_NAME, customer.getName());
		variables.put(SubscriptionProcess.SEGMENT, Labels.segment(customer.getSegment()));
		variables.put(SubscriptionProcess.CAPACITY_LIMITED, offering.getCapacity() != null);
		variables.put(SubscriptionProcess.PLACES, places(service, offering));
		String instanceId = this.application.call(() -> this.runtimeService
			.startProcessInstanceByKey(SubscriptionProcess.KEY, String.format("SUB-%04d", subscription.getId()),
					variables)
			.getId());
		subscription.linkProcess(instanceId);
		return this.customers.view(subscription);
	}

	/** Ends an open subscription; one still waiting for approval is withdrawn with its approval. */
	public SubscriptionView end(long customerId, long subscriptionId, String actor) {
		Subscription subscription = this.subscriptions.findById(subscriptionId)
			.filter((s) -> s.getCustomerId() == customerId)
			.orElseThrow(() -> new CustomerNotFoundException("subscription " + subscriptionId + " of customer " + customerId));
		if (!subscription.getStatus().isOpen()) {
			throw new ConflictException("subscription " + subscriptionId + " is " + subscription.getStatus()
				.name()
				.toLowerCase() + " already");
		}
		boolean pending = subscription.getStatus() == SubscriptionStatus.PENDING;
		subscription.end(actor, this.clock.instant());
		this.subscriptions.flush();
		if (pending && subscription.getProcessInstanceId() != null) {
			this.application.run(() -> this.runtimeService.deleteProcessInstanceIfExists(
					subscription.getProcessInstanceId(), "withdrawn by " + actor, false, true, false, false));
		}
		return this.customers.view(subscription);
	}

	/** The open subscription of a customer to a service. */
	@Transactional(readOnly = true)
	public long openSubscriptionId(long customerId, String serviceCode) {
		Customer customer = this.customers.find(customerId);
		PmoService service = this.catalog.find(serviceCode);
		return this.subscriptions
			.findFirstByCustomerIdAndServiceIdAndSegmentAndStatusIn(customer.getId(), service.getId(),
					customer.getSegment(), EnumSet.of(SubscriptionStatus.PENDING, SubscriptionStatus.ACTIVE))
			.orElseThrow(() -> new CustomerNotFoundException(
					"open subscription of customer " + customerId + " to " + serviceCode))
			.getId();
	}

	@Transactional(readOnly = true)
	public SubscriptionView find(long customerId, long subscriptionId) {
		return this.subscriptions.findById(subscriptionId)
			.filter((s) -> s.getCustomerId() == customerId)
			.map(this.customers::view)
			.orElseThrow(() -> new CustomerNotFoundException("subscription " + subscriptionId + " of customer " + customerId));
	}

	@Transactional(readOnly = true)
	public List<SubscriptionView> of(long customerId) {
		Customer customer = this.customers.find(customerId);
		return this.subscriptions.findByCustomerIdOrderById(customer.getId()).stream().map(this.customers::view).toList();
	}

	/** Step of the model: the subscription holds, if the offering still has a place. */
	public void activate(DelegateExecution execution) {
		Subscription subscription = subscriptionOf(execution);
		if (subscription.getStatus() != SubscriptionStatus.PENDING) {
			return;
		}
		refuseTheOneWhoAsked(subscription);
		// approvals of the last places run one at a time
		PmoService service = this.catalog.lock(subscription.getServiceId());
		Offering offering = this.offerings.offeringFor(service, subscription.getSegment())
			.filter((o) -> o.getLevel() == OfferingLevel.ADDITIONAL)
			.orElseThrow(() -> new InvalidLifecycleInputException(SubscriptionProcess.DECISION, service.getCode()
					+ " no longer makes an additional offering for " + subscription.getSegment()));
		if (offering.getCapacity() != null && active(service, offering) >= offering.getCapacity()) {
			throw new InvalidLifecycleInputException(SubscriptionProcess.DECISION,
					"the offering is full (" + places(service, offering) + "): decline, or raise its limit first");
		}
		subscription.activate(this.application.currentUserId(),
				commentOf(execution), this.clock.instant());
	}

	/** Step of the model: the PMO manager declined the subscription. */
	public void decline(DelegateExecution execution) {
		Subscription subscription = subscriptionOf(execution);
		refuseTheOneWhoAsked(subscription);
		if (subscription.getStatus() == SubscriptionStatus.PENDING) {
			subscription.decline(this.application.currentUserId(),
					commentOf(execution), this.clock.instant());
		}
	}

	/** Four eyes: the person who asked for a subscription does not decide it. */
	private void refuseTheOneWhoAsked(Subscription subscription) {
		String decider = this.application.currentUserId();
		if (decider != null && decider.equals(subscription.getRequestedBy())) {
			throw new InvalidLifecycleInputException(SubscriptionProcess.DECISION,
					"you asked for this subscription: another PMO manager decides it");
		}
	}

	private static String commentOf(DelegateExecution execution) {
		Object comment = execution.getVariable(SubscriptionProcess.DECISION_COMMENT);
		return (comment instanceof String text && !text.isBlank()) ? text : null;
	}

	private Subscription subscriptionOf(DelegateExecution execution) {
		Object id = execution.getVariable(SubscriptionProcess.SUBSCRIPTION_ID);
		return this.subscriptions.findById(((Number) id).longValue())
			.orElseThrow(() -> new IllegalStateException("No subscription " + id));
	}

	private long active(PmoService service, Offering offering) {
		return this.subscriptions.countByServiceIdAndSegmentAndStatus(service.getId(), offering.getSegment(),
				SubscriptionStatus.ACTIVE);
	}

	private String places(PmoService service, Offering offering) {
		long taken = active(service, offering);
		return (offering.getCapacity() == null) ? taken + " subscribers, no limit"
				: taken + " of " + offering.getCapacity() + " places taken";
	}

}
