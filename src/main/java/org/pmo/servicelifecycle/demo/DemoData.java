package org.pmo.servicelifecycle.demo;

import static org.pmo.servicelifecycle.catalog.CustomerSegment.END_USERS;
import static org.pmo.servicelifecycle.catalog.CustomerSegment.PROGRAMME_MANAGERS;
import static org.pmo.servicelifecycle.catalog.CustomerSegment.PROJECT_MANAGERS;
import static org.pmo.servicelifecycle.catalog.CustomerSegment.SENIOR_EXECUTIVES;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.pmo.servicelifecycle.agreement.AgreementBook;
import org.pmo.servicelifecycle.agreement.AgreementTerms;
import org.pmo.servicelifecycle.agreement.Direction;
import org.pmo.servicelifecycle.agreement.MeasurementInput;
import org.pmo.servicelifecycle.agreement.MetricUnit;
import org.pmo.servicelifecycle.agreement.OfferingBook;
import org.pmo.servicelifecycle.agreement.OfferingTerms;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.ReviewOutcome;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.customer.CustomerTerms;
import org.pmo.servicelifecycle.customer.Customers;
import org.pmo.servicelifecycle.customer.Subscriptions;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.identity.Organisation;
import org.pmo.servicelifecycle.lifecycle.ServiceRequests;
import org.pmo.servicelifecycle.strategy.BusinessCaseForm;
import org.pmo.servicelifecycle.strategy.BusinessCaseTerms;
import org.pmo.servicelifecycle.strategy.BusinessCases;
import org.pmo.servicelifecycle.strategy.CapacityTerms;
import org.pmo.servicelifecycle.strategy.ObjectiveTerms;
import org.pmo.servicelifecycle.strategy.PmoCapacity;
import org.pmo.servicelifecycle.strategy.PortfolioReviewProcess;
import org.pmo.servicelifecycle.strategy.StrategicObjectives;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo users and a small catalog of real PMO services, left in different stages so that Tasklist and Cockpit show
 * work on the first start. Only on the embedded default, and only once.
 */
@Component
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final boolean enabled;

	private final Organisation organisation;

	private final ServiceCatalog catalog;

	private final AgreementBook agreements;

	private final OfferingBook offerings;

	private final Customers customers;

	private final Subscriptions subscriptions;

	private final LifecycleDriver lifecycle;

	private final ProcessEngine engine;

	private final StrategicObjectives objectives;

	private final PmoCapacity capacity;

	private final BusinessCases businessCases;

	private final BusinessCaseForm businessCaseForm;

	DemoData(Organisation organisation, ServiceCatalog catalog, AgreementBook agreements, OfferingBook offerings,
			Customers customers, Subscriptions subscriptions, ProcessEngine engine, ServiceRequests requests,
			StrategicObjectives objectives, PmoCapacity capacity, BusinessCases businessCases,
			BusinessCaseForm businessCaseForm, DemoSettings settings) {
		this.offerings = offerings;
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.businessCaseForm = businessCaseForm;
		this.enabled = settings.enabled();
		this.organisation = organisation;
		this.catalog = catalog;
		this.agreements = agreements;
		this.engine = engine;
		this.objectives = objectives;
		this.capacity = capacity;
		this.businessCases = businessCases;
		this.lifecycle = new LifecycleDriver(new EngineTransport(engine, requests), People.DEMO);
	}

	/** After the organisation (identity/OrganisationStartup), on the embedded default only. */
	@EventListener(ApplicationStartedEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	@Transactional
	public void create() {
		if (!this.enabled) {
			return;
		}
		createUsers();
		if (!this.catalog.isEmpty()) {
			return;
		}
		log.info("Creating the demo catalog");
		String healthCheck = live("Project health check",
				"Independent review of a project's schedule, budget, risks and governance, reported within 5 working days of the request.",
				OfferingLevel.ADDITIONAL, Set.of(PROJECT_MANAGERS, SENIOR_EXECUTIVES), "R/P3M");
		offer(healthCheck,
				offering(PROJECT_MANAGERS, OfferingLevel.ADDITIONAL, 12, agreement("on-time-delivery", MetricUnit.PERCENT,
						Direction.AT_LEAST, 95, 2.0, "Reports within 5 working days of the request")),
				offering(SENIOR_EXECUTIVES, OfferingLevel.ADDITIONAL, null, agreement("customer-satisfaction",
						MetricUnit.SCORE_1_TO_5, Direction.AT_LEAST, 4, null, "Executives rate the report")));
		this.agreements.record(healthCheck, List.of(new MeasurementInput("on-time-delivery", PROJECT_MANAGERS,
				YearMonth.now().toString(), 97.0)), People.DEMO.analyst());
		String portfolioReport = live("Monthly portfolio report",
				"Consolidated status of all projects and programmes for the executive board, published by working day 3 every month.",
				OfferingLevel.MANDATED, Set.of(SENIOR_EXECUTIVES), "R/P6M");
		offer(portfolioReport, offering(SENIOR_EXECUTIVES, OfferingLevel.MANDATED, null, agreement(
				"publication-working-day", MetricUnit.DAYS, Direction.AT_MOST, 3, null, "Published by working day 3 of every month")));
		String stageGate = live("Stage-gate assurance review",
				"Assurance review held before each stage gate of a project or programme, checking readiness to proceed.",
				OfferingLevel.MANDATED, Set.of(PROJECT_MANAGERS, PROGRAMME_MANAGERS), "R/P12M");
		AgreementTerms beforeEachGate = agreement("reviews-before-gate", MetricUnit.PERCENT, Direction.AT_LEAST, 100,
				null, "Review held before each gate");
		offer(stageGate, offering(PROJECT_MANAGERS, OfferingLevel.MANDATED, null, beforeEachGate),
				offering(PROGRAMME_MANAGERS, OfferingLevel.MANDATED, null, beforeEachGate));
		String capacityPlanning = live("Resource capacity planning",
				"Quarterly capacity plan of project staff across the portfolio, published two weeks before the quarter starts.",
				OfferingLevel.MANDATED, Set.of(PROGRAMME_MANAGERS, SENIOR_EXECUTIVES), "R/P3M");
		String coaching = this.lifecycle.request(new ServiceRequest("PM coaching and mentoring",
				"One-to-one coaching of project managers by senior PMO staff; target customer satisfaction of at least 4.0 of 5.",
				Set.of(PROJECT_MANAGERS), OfferingLevel.ADDITIONAL));
		this.lifecycle.toPilot(coaching, "P56D", "R/P3M");
		String riskWorkshops = this.lifecycle.request(new ServiceRequest("Risk workshop facilitation",
				"Facilitated workshops that identify and assess project risks and agree owners for the responses.",
				Set.of(PROJECT_MANAGERS, PROGRAMME_MANAGERS), OfferingLevel.ADDITIONAL));
		this.lifecycle.evaluateNeed(riskWorkshops, Decision.APPROVE);
		this.lifecycle.design(riskWorkshops);
		this.lifecycle.request(new ServiceRequest("Lessons-learned facilitation",
				"Facilitated lessons-learned workshop within 10 working days of a project's closure, with a shared report.",
				Set.of(PROJECT_MANAGERS, END_USERS), OfferingLevel.ADDITIONAL));

		String templates = live("Template library upkeep",
				"Keeps the PMO's document templates current and publishes them on the intranet each quarter.",
				OfferingLevel.ADDITIONAL, Set.of(PROJECT_MANAGERS), "R/P12M");

		// a periodic review of the health check waits for the PMO managers
		this.lifecycle.periodicReviewDue(healthCheck);
		// capacity planning moves to a tool of its own: it is being retired
		this.lifecycle.review(capacityPlanning, "Planning moves into the enterprise resource tool next quarter",
				ReviewOutcome.RETIRE);
		this.lifecycle.planRetirement(capacityPlanning, LocalDate.now().plusMonths(3));

		strategy(healthCheck, portfolioReport, stageGate, coaching, riskWorkshops, templates);
		customers(healthCheck, templates);
	}

	/**
	 * Three customer organisations; the executives take the health check, the delivery office the template library,
	 * and paul's delivery office asks for one of the health check's limited places: the PMO manager decides.
	 */
	private void customers(String healthCheck, String templates) {
		String pmo = People.DEMO.manager();
		this.customers.create(new CustomerTerms("Finance change programme", PROGRAMME_MANAGERS,
				"finance-change@example.org", List.of()), pmo);
		long delivery = this.customers.create(new CustomerTerms("Digital delivery office", PROJECT_MANAGERS,
				"delivery-office@example.org", List.of(People.DEMO.customer())), pmo).id();
		long executives = this.customers.create(new CustomerTerms("Executive leadership team", SENIOR_EXECUTIVES,
				"leadership-office@example.org", List.of()), pmo).id();
		this.subscriptions.subscribe(executives, healthCheck, pmo);
		this.subscriptions.subscribe(delivery, templates, People.DEMO.customer());
		this.subscriptions.subscribe(delivery, healthCheck, People.DEMO.customer());
	}

	private void offer(String code, OfferingTerms... offerings) {
		this.offerings.replace(code, List.of(offerings), People.DEMO.analyst());
	}

	private static OfferingTerms offering(CustomerSegment segment, OfferingLevel level, Integer places,
			AgreementTerms... agreements) {
		return new OfferingTerms(segment, level, places, null, List.of(agreements));
	}

	private static AgreementTerms agreement(String metric, MetricUnit unit, Direction direction, double target,
			Double riskMargin, String description) {
		return new AgreementTerms(null, metric, unit, direction, target, null, description, riskMargin);
	}

	/**
	 * Four objectives, this year's capacity and budget, the services' business cases, and the yearly portfolio review
	 * waiting for the board: the mix keeps the mandated services and has no room left for the template library.
	 */
	private void strategy(String healthCheck, String portfolioReport, String stageGate, String coaching,
			String riskWorkshops, String templates) {
		LocalDate start = LocalDate.now().withDayOfYear(1);
		Long delivery = objective("Predictable delivery",
				"Projects deliver on the dates, budgets and scope their boards agreed.", 8, start);
		Long decisions = objective("Informed executive decisions",
				"The executive board decides on current, comparable facts about every project and programme.", 6,
				start);
		Long capability = objective("Capable project managers",
				"Project managers grow in method and judgement, and fewer projects need rescue.", 5, start);
		Long benefits = objective("Benefits realised",
				"Projects deliver the benefits their business cases promised, and they are measured.", 7, start);
		this.capacity.plan(this.capacity.thisYear(), new CapacityTerms(440.0, 300_000.0), "sara");
		estimate(healthCheck, 60_000, 120, Map.of(delivery, 5, decisions, 3, capability, 2, benefits, 3), List.of(),
				List.of(stageGate));
		estimate(portfolioReport, 40_000, 80, Map.of(decisions, 5, delivery, 3, benefits, 2), List.of(), List.of());
		estimate(stageGate, 50_000, 100, Map.of(delivery, 4, benefits, 4, decisions, 2), List.of(),
				List.of(healthCheck));
		estimate(coaching, 45_000, 90, Map.of(capability, 5, delivery, 2), List.of(), List.of());
		estimate(riskWorkshops, 20_000, 40, Map.of(delivery, 4, capability, 2, benefits, 1), List.of(), List.of());
		estimate(templates, 30_000, 70, Map.of(capability, 1, delivery, 1), List.of(), List.of());
		// the yearly portfolio review falls due: its timer runs now rather than in a year
		this.engine.getManagementService()
			.executeJob(this.engine.getManagementService()
				.createJobQuery()
				.processDefinitionKey(PortfolioReviewProcess.SCHEDULE_KEY)
				.timers()
				.singleResult()
				.getId());
	}

	private Long objective(String name, String description, int weight, LocalDate validFrom) {
		return this.objectives.create(new ObjectiveTerms(name, description, weight, validFrom, null), "sara").getId();
	}

	private void estimate(String code, double annualCost, double effortDays, Map<Long, Integer> contributions,
			List<String> requires, List<String> complements) {
		List<BusinessCaseTerms.Contribution> scores = contributions.entrySet()
			.stream()
			.map((entry) -> new BusinessCaseTerms.Contribution(entry.getKey(), entry.getValue()))
			.toList();
		this.businessCaseForm.refresh(this.businessCases.estimate(code,
				new BusinessCaseTerms(annualCost, effortDays, scores, requires, complements), People.DEMO.analyst()));
	}

	private void createUsers() {
		this.organisation.ensureUser("demo", "Demo", "Administrator", "demo", Groups.CAMUNDA_ADMIN,
				Groups.SERVICE_CUSTOMERS, Groups.PMO_ANALYSTS, Groups.PMO_MANAGERS, Groups.PORTFOLIO_BOARD);
		this.organisation.ensureUser("anna", "Anna", "Berg", "anna", Groups.PMO_ANALYSTS);
		this.organisation.ensureUser("mark", "Mark", "Lewis", "mark", Groups.PMO_MANAGERS);
		this.organisation.ensureUser("sara", "Sara", "Okafor", "sara", Groups.PORTFOLIO_BOARD);
		this.organisation.ensureUser("paul", "Paul", "Martin", "paul", Groups.SERVICE_CUSTOMERS);
		this.organisation.ensureUser("olivia", "Olivia", "Novak", "olivia", Groups.PMO_PROCESS_OWNERS);
	}

	private String live(String name, String description, OfferingLevel level, Set<CustomerSegment> segments,
			String reviewCycle) {
		return this.lifecycle.live(new ServiceRequest(name, description, segments, level), reviewCycle);
	}

}
