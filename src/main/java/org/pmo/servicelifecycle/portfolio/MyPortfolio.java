package org.pmo.servicelifecycle.portfolio;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.pmo.servicelifecycle.agreement.AgreementBook;
import org.pmo.servicelifecycle.agreement.OfferingBook;
import org.pmo.servicelifecycle.agreement.OfferingView;
import org.pmo.servicelifecycle.agreement.PerformanceReport;
import org.pmo.servicelifecycle.catalog.PmoServiceRepository;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.customer.Customer;
import org.pmo.servicelifecycle.customer.CustomerView;
import org.pmo.servicelifecycle.customer.Customers;
import org.pmo.servicelifecycle.customer.SubscriptionStatus;
import org.pmo.servicelifecycle.customer.SubscriptionView;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's own page: the requests he raised and the step each waits at, the services his organisation receives
 * with their agreements and attainment, its subscriptions, and the additional offerings it could subscribe to.
 */
@Service
public class MyPortfolio {

	/** The most requests the page lists. */
	static final int MAX_REQUESTS = 200;

	/** The most offers the page lists, in code order. */
	static final int MAX_OFFERS = 200;

	private final ServiceCatalog catalog;

	private final Customers customers;

	private final OfferingBook offerings;

	private final AgreementBook agreements;

	private final Portfolio portfolio;

	private final ApplicationAuthority application;

	private final Clock clock;

	MyPortfolio(ServiceCatalog catalog, Customers customers, OfferingBook offerings, AgreementBook agreements,
			Portfolio portfolio, ApplicationAuthority application, Clock clock) {
		this.catalog = catalog;
		this.customers = customers;
		this.offerings = offerings;
		this.agreements = agreements;
		this.portfolio = portfolio;
		this.application = application;
		this.clock = clock;
	}

	// one read-only transaction for the page's twenty-odd reads, not one each
	@Transactional(readOnly = true)
	public View mine() {
		String user = this.application.currentUserId();
		List<PmoServiceRepository.RequestRow> requested = this.catalog.requestedBy(user, MAX_REQUESTS);
		Map<String, List<PortfolioOverview.OpenTask>> tasks = this.application.call(() -> this.portfolio
			.openTasksOf(requested.stream().map(PmoServiceRepository.RequestRow::getCode).toList(), this.clock.instant()));
		List<Request> requests = requested.stream()
			.map((service) -> new Request(service.getCode(), service.getName(), Stage.valueOf(service.getStage()),
					tasks.getOrDefault(service.getCode(), List.of())))
			.toList();
		Customer customer = this.customers.organisationOf(user).orElse(null);
		if (customer == null) {
			return new View(user, null, requests, List.of(), List.of(), List.of());
		}
		CustomerView details = this.customers.details(customer.getId());
		List<Received> received = new ArrayList<>();
		for (CustomerView.ReceivedOffering offering : details.offerings()) {
			PerformanceReport performance = this.agreements.performance(offering.service())
				.onlyFor(customer.getId());
			OfferingView terms = this.offerings.offeringsOf(offering.service())
				.stream()
				.filter((o) -> o.segment() == customer.getSegment())
				.findFirst()
				.orElse(null);
			String attainment = performance.offerings()
				.stream()
				.filter((o) -> o.segment() == customer.getSegment())
				.findFirst()
				.map(PerformanceReport.OfferingPerformance::attainment)
				.map(Enum::name)
				.orElse(null);
			received.add(new Received(offering.service(), offering.name(), offering.level(), offering.stage(), terms,
					attainment));
		}
		// the customer's open subscriptions are left out of the first MAX_OFFERS offers, so those are read with them
		Set<String> open = details.subscriptions()
			.stream()
			.filter((s) -> s.status() == SubscriptionStatus.ACTIVE || s.status() == SubscriptionStatus.PENDING)
			.map(SubscriptionView::service)
			.collect(Collectors.toSet());
		List<Offer> offers = this.offerings
			.additionalFor(customer.getSegment(), List.of(Stage.OPERATION, Stage.TRANSFORM), MAX_OFFERS + open.size())
			.stream()
			.filter((offer) -> !open.contains(offer.getCode()))
			.limit(MAX_OFFERS)
			.map((offer) -> new Offer(offer.getCode(), offer.getName(), offer.getCapacity()))
			.toList();
		return new View(user, new Organisation(customer.getId(), customer.getName(), customer.getSegment().name()),
				requests, received, details.subscriptions(), offers);
	}

	/** The page's data; {@code customer} null for a person in no customer organisation. */
	public record View(String user, Organisation customer, List<Request> requests, List<Received> services,
			List<SubscriptionView> subscriptions, List<Offer> offers) {
	}

	public record Organisation(long id, String name, String segment) {
	}

	/** A request the person raised, its stage, and the open tasks it waits at and who holds them. */
	public record Request(String code, String name, Stage stage, List<PortfolioOverview.OpenTask> nextSteps) {
	}

	/** A service the organisation receives, the offering's terms and its attainment for the organisation. */
	public record Received(String code, String name, String level, String stage, OfferingView offering,
			String attainment) {
	}

	/** An additional offering of a live service the organisation could subscribe to. */
	public record Offer(String code, String name, Integer places) {
	}

}
