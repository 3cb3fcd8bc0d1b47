package org.pmo.servicelifecycle.demo;

import static org.pmo.servicelifecycle.catalog.CustomerSegment.END_USERS;
import static org.pmo.servicelifecycle.catalog.CustomerSegment.PROGRAMME_MANAGERS;
import static org.pmo.servicelifecycle.catalog.CustomerSegment.PROJECT_MANAGERS;
import static org.pmo.servicelifecycle.catalog.CustomerSegment.SENIOR_EXECUTIVES;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_APPROVE_GO_LIVE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_DESIGN_SERVICE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_EVALUATE_NEED;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_JUSTIFY_SERVICE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_REVIEW_PILOT;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_REVIEW_SERVICE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement.TASK_PLAN_RETIREMENT;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.pmo.servicelifecycle.agreement.AgreementBook;
import org.pmo.servicelifecycle.agreement.AgreementTerms;
import org.pmo.servicelifecycle.agreement.Direction;
import org.pmo.servicelifecycle.agreement.MeasurementInput;
import org.pmo.servicelifecycle.agreement.MetricUnit;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.PmoServiceRepository;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.identity.Organisation;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceRequests;
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

	private final ServiceRequests requests;

	private final PmoServiceRepository services;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final ManagementService managementService;

	private final IdentityService identityService;

	private final AgreementBook agreements;

	DemoData(Organisation organisation, ServiceRequests requests, PmoServiceRepository services,
			TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
			IdentityService identityService, AgreementBook agreements,
			DemoSettings settings) {
		this.enabled = settings.enabled();
		this.agreements = agreements;
		this.organisation = organisation;
		this.requests = requests;
		this.services = services;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
		this.identityService = identityService;
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
		if (this.services.count() > 0) {
			return;
		}
		log.info("Creating the demo catalog");
		String healthCheck = live("Project health check",
				"Independent review of a project's schedule, budget, risks and governance, reported within 5 working days of the request.",
				OfferingLevel.ADDITIONAL, Set.of(PROJECT_MANAGERS, SENIOR_EXECUTIVES), "R/P3M");
		agree(healthCheck, "on-time-delivery", MetricUnit.PERCENT, Direction.AT_LEAST, 95,
				"Reports within 5 working days of the request");
		this.agreements.record(healthCheck, List.of(new MeasurementInput("on-time-delivery", null,
				YearMonth.now().toString(), 97.0)), "anna");
		String portfolioReport = live("Monthly portfolio report",
				"Consolidated status of all projects and programmes for the executive board, published by working day 3 every month.",
				OfferingLevel.MANDATED, Set.of(SENIOR_EXECUTIVES), "R/P6M");
		agree(portfolioReport, "publication-working-day", MetricUnit.DAYS, Direction.AT_MOST, 3,
				"Published by working day 3 of every month");
		String stageGate = live("Stage-gate assurance review",
				"Assurance review held before each stage gate of a project or programme, checking readiness to proceed.",
				OfferingLevel.MANDATED, Set.of(PROJECT_MANAGERS, PROGRAMME_MANAGERS), "R/P12M");
		agree(stageGate, "reviews-before-gate", MetricUnit.PERCENT, Direction.AT_LEAST, 100,
				"Review held before each gate");
		String capacityPlanning = live("Resource capacity planning",
				"Quarterly capacity plan of project staff across the portfolio, published two weeks before the quarter starts.",
				OfferingLevel.MANDATED, Set.of(PROGRAMME_MANAGERS, SENIOR_EXECUTIVES), "R/P3M");
		String coaching = request("PM coaching and mentoring",
				"One-to-one coaching of project managers by senior PMO staff; target customer satisfaction of at least 4.0 of 5.",
				OfferingLevel.ADDITIONAL, Set.of(PROJECT_MANAGERS));
		toPilot(coaching, "P56D", "R/P3M");
		String riskWorkshops = request("Risk workshop facilitation",
				"Facilitated workshops that identify and assess project risks and agree owners for the responses.",
				OfferingLevel.ADDITIONAL, Set.of(PROJECT_MANAGERS, PROGRAMME_MANAGERS));
		approveNeed(riskWorkshops);
		design(riskWorkshops, "P4W", "R/P3M");
		request("Lessons-learned facilitation",
				"Facilitated lessons-learned workshop within 10 working days of a project's closure, with a shared report.",
				OfferingLevel.ADDITIONAL, Set.of(PROJECT_MANAGERS, END_USERS));

		// a periodic review of the health check waits for the PMO managers
		fireTimer(healthCheck, ServiceLifecycleProcess.Lifecycle.EVENT_PERIODIC_REVIEW_DUE);
		// capacity planning moves to a tool of its own: it is being retired
		this.runtimeService.createMessageCorrelation(ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED)
			.processInstanceBusinessKey(capacityPlanning)
			.setVariable("reviewReason", "Planning moves into the enterprise resource tool next quarter")
			.correlate();
		complete(capacityPlanning, TASK_REVIEW_SERVICE, "mark", Map.of("reviewFindings",
				"Demand has moved to the new enterprise resource tool.", "reviewOutcome", "retire"));
		complete(capacityPlanning, TASK_PLAN_RETIREMENT, "anna",
				Map.of("retirementDate", LocalDate.now().plusMonths(3).toString(), "customerNotice",
						"From next quarter the capacity plan comes from the enterprise resource tool.",
						"successorService", "Enterprise resource tool"));
	}

	private void createUsers() {
		this.organisation.ensureUser("demo", "Demo", "Administrator", "demo", Groups.CAMUNDA_ADMIN,
				Groups.SERVICE_CUSTOMERS, Groups.PMO_ANALYSTS, Groups.PMO_MANAGERS, Groups.PORTFOLIO_BOARD);
		this.organisation.ensureUser("anna", "Anna", "Berg", "anna", Groups.PMO_ANALYSTS);
		this.organisation.ensureUser("mark", "Mark", "Lewis", "mark", Groups.PMO_MANAGERS);
		this.organisation.ensureUser("sara", "Sara", "Okafor", "sara", Groups.PORTFOLIO_BOARD);
		this.organisation.ensureUser("paul", "Paul", "Martin", "paul", Groups.SERVICE_CUSTOMERS);
	}

	private String live(String name, String description, OfferingLevel level, Set<CustomerSegment> segments,
			String reviewCycle) {
		String code = request(name, description, level, segments);
		toPilot(code, "P4W", reviewCycle);
		fireTimer(code, ServiceLifecycleProcess.Lifecycle.EVENT_PILOT_PERIOD_OVER);
		complete(code, TASK_REVIEW_PILOT, "mark",
				Map.of("lessonsLearned", "Customers valued it; templates were tightened.", "decision", "approve"));
		complete(code, TASK_APPROVE_GO_LIVE, "sara", Map.of("decision", "approve"));
		return code;
	}

	private void agree(String code, String metric, MetricUnit unit, Direction direction, double target,
			String description) {
		this.agreements.add(code, new AgreementTerms(null, metric, unit, direction, target, null, description), "anna");
	}

	private void fireTimer(String code, String timerEventId) {
		Job timer = this.managementService.createJobQuery()
			.processInstanceId(this.services.findByCode(code).orElseThrow().getLifecycleInstanceId())
			.activityId(timerEventId)
			.singleResult();
		this.managementService.executeJob(timer.getId());
	}

	private String request(String name, String description, OfferingLevel level, Set<CustomerSegment> segments) {
		return as("paul", () -> this.requests.request(new ServiceRequest(name, description, segments, level)).getCode());
	}

	private void toPilot(String code, String pilotPeriod, String reviewCycle) {
		approveNeed(code);
		design(code, pilotPeriod, reviewCycle);
		complete(code, TASK_JUSTIFY_SERVICE, "sara",
				Map.of("decision", "approve", "decisionComment", "Fits the PMO strategy."));
	}

	private void approveNeed(String code) {
		complete(code, TASK_EVALUATE_NEED, "mark",
				Map.of("strategicFit", "high", "valueToOrganisation", 4, "decision", "approve"));
	}

	private void design(String code, String pilotPeriod, String reviewCycle) {
		complete(code, TASK_DESIGN_SERVICE, "anna",
				Map.of("designSummary", "Delivered by the PMO team with a standard template and a named lead.",
						"slaSummary", "Agreed per customer segment; see the service description.", "serviceOwner",
						"anna", "pilotPeriod", pilotPeriod, "reviewCycle", reviewCycle));
	}

	private void complete(String code, String taskKey, String user, Map<String, Object> variables) {
		Task task = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey(taskKey)
			.singleResult();
		as(user, () -> {
			this.taskService.claim(task.getId(), user);
			this.taskService.complete(task.getId(), variables);
			return null;
		});
	}

	private <T> T as(String user, java.util.function.Supplier<T> work) {
		this.identityService.setAuthentication(user,
				this.identityService.createGroupQuery().groupMember(user).list().stream().map((g) -> g.getId()).toList());
		try {
			return work.get();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

}
