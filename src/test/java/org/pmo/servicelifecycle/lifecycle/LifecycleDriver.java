package org.pmo.servicelifecycle.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.CUSTOMER_NOTICE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.DECISION;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.DECISION_COMMENT;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.OFFERING_LEVEL;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.PILOT_PERIOD;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.RETIREMENT_DATE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.REVIEW_CYCLE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.REVIEW_OUTCOME;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.REVIEW_REASON;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.SERVICE_OWNER;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceHistoryEntry;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Decisions;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Transform;

/**
 * Drives services through the lifecycle the way people do: requests raised by a customer, tasks claimed and their
 * forms submitted in Tasklist by the member of the group the task is for, timers and asynchronous steps fired like
 * the job executor would. Needs {@code BpmnAwareTests.init(processEngine)} first.
 */
final class LifecycleDriver {

	/** Process tests run without a servlet container, which the engine's REST API (Jersey) cannot do without. */
	static final String WITHOUT_ENGINE_REST = "spring.autoconfigure.exclude="
			+ "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration";

	/** All process tests start at this moment on the engine clock, so due dates can be compared exactly. */
	static final Instant START = Instant.parse("2025-01-06T09:00:00Z");

	static final String CUSTOMER = "paul";

	static final String ANALYST = "anna";

	static final String MANAGER = "mark";

	static final String BOARD_MEMBER = "sara";

	/** Eight weeks as the design form offers it; longer than the catalog's default P4W. */
	static final String PILOT_PERIOD_FROM_DESIGN = "P56D";

	static final String REVIEW_CYCLE_FROM_DESIGN = "R/P6M";

	static final String RETIREMENT_DAY = "2025-06-30";

	// form fields the process does not read itself
	static final String STRATEGIC_FIT = "strategicFit";

	static final String VALUE_TO_ORGANISATION = "valueToOrganisation";

	static final String DESIGN_SUMMARY = "designSummary";

	static final String SLA_SUMMARY = "slaSummary";

	static final String LESSONS_LEARNED = "lessonsLearned";

	static final String REVIEW_FINDINGS = "reviewFindings";

	static final String SUCCESSOR_SERVICE = "successorService";

	private static final Map<String, String> GROUP_OF = Map.of(CUSTOMER, Groups.SERVICE_CUSTOMERS, ANALYST,
			Groups.PMO_ANALYSTS, MANAGER, Groups.PMO_MANAGERS, BOARD_MEMBER, Groups.PORTFOLIO_BOARD);

	private final ServiceRequests requests;

	private final ServiceCatalog catalog;

	LifecycleDriver(ServiceRequests requests, ServiceCatalog catalog) {
		this.requests = requests;
		this.catalog = catalog;
	}

	// requests and the catalog

	/** A customer raises a request through the product's API; returns the lifecycle it started. */
	ProcessInstance request(String serviceName) {
		PmoService service = as(CUSTOMER, () -> this.requests.request(new ServiceRequest(serviceName,
				"Service requested by the process tests: " + serviceName, Set.of(CustomerSegment.PROJECT_MANAGERS),
				null)));
		return lifecycleOf(service.getCode());
	}

	ProcessInstance lifecycleOf(String code) {
		return processInstanceQuery().processDefinitionKey(ServiceLifecycleProcess.KEY)
			.processInstanceBusinessKey(code)
			.singleResult();
	}

	PmoService service(ProcessInstance instance) {
		return this.catalog.find(instance.getBusinessKey());
	}

	List<ServiceHistoryEntry> history(ProcessInstance instance) {
		return this.catalog.history(instance.getBusinessKey());
	}

	List<ServiceHistoryEntry> history(ProcessInstance instance, HistoryKind kind) {
		return history(instance).stream().filter((entry) -> entry.getKind() == kind).toList();
	}

	ServiceHistoryEntry lastEntry(ProcessInstance instance, HistoryKind kind) {
		List<ServiceHistoryEntry> entries = history(instance, kind);
		return entries.isEmpty() ? null : entries.get(entries.size() - 1);
	}

	// the way into operation

	void evaluateNeed(ProcessInstance lifecycle, String decision) {
		submit(task(Lifecycle.TASK_EVALUATE_NEED, lifecycle), MANAGER,
				fields(STRATEGIC_FIT, "high", VALUE_TO_ORGANISATION, 4L, OFFERING_LEVEL, OfferingLevel.MANDATED.name(),
						DECISION, decision, DECISION_COMMENT, "Need " + decision));
	}

	void design(ProcessInstance lifecycle) {
		design(lifecycle, PILOT_PERIOD_FROM_DESIGN, REVIEW_CYCLE_FROM_DESIGN);
	}

	void design(ProcessInstance lifecycle, String pilotPeriod, String reviewCycle) {
		submit(task(Lifecycle.TASK_DESIGN_SERVICE, lifecycle), ANALYST, designForm(ANALYST, pilotPeriod, reviewCycle));
	}

	void justify(ProcessInstance lifecycle, String decision) {
		decide(task(Lifecycle.TASK_JUSTIFY_SERVICE, lifecycle), BOARD_MEMBER, decision);
	}

	/** Lets the pilot period pass on the engine clock and fires the timer. */
	void endPilot(ProcessInstance lifecycle) {
		fireTimer(job(Lifecycle.EVENT_PILOT_PERIOD_OVER, lifecycle));
	}

	void reviewPilot(ProcessInstance lifecycle, String decision) {
		reviewPilot(task(Lifecycle.TASK_REVIEW_PILOT, lifecycle), decision);
	}

	void approveGoLive(ProcessInstance lifecycle, String decision) {
		decide(task(Lifecycle.TASK_APPROVE_GO_LIVE, lifecycle), BOARD_MEMBER, decision);
	}

	/** Up to the pilot: need approved, designed, business case approved. */
	ProcessInstance inPilot(String serviceName) {
		ProcessInstance lifecycle = request(serviceName);
		evaluateNeed(lifecycle, Decisions.APPROVE);
		design(lifecycle);
		justify(lifecycle, Decisions.APPROVE);
		return lifecycle;
	}

	/** All gates approved: the service is live. */
	ProcessInstance live(String serviceName) {
		ProcessInstance lifecycle = inPilot(serviceName);
		endPilot(lifecycle);
		reviewPilot(lifecycle, Decisions.APPROVE);
		approveGoLive(lifecycle, Decisions.APPROVE);
		return lifecycle;
	}

	// operation

	Job periodicReviewTimer(ProcessInstance lifecycle) {
		return job(Lifecycle.EVENT_PERIODIC_REVIEW_DUE, lifecycle);
	}

	/** Lets the review cycle pass on the engine clock and fires the periodic review timer. */
	void periodicReviewDue(ProcessInstance lifecycle) {
		fireTimer(periodicReviewTimer(lifecycle));
	}

	/** An SLA breach or a complaint asks for a review, as the agreement monitoring or an integrator would. */
	void requestReview(String code, String reason) {
		runtimeService().createMessageCorrelation(ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED)
			.processInstanceBusinessKey(code)
			.setVariable(REVIEW_REASON, reason)
			.correlate();
	}

	void reviewService(ProcessInstance lifecycle, String outcome) {
		submit(task(Lifecycle.TASK_REVIEW_SERVICE, lifecycle), MANAGER, fields(REVIEW_FINDINGS,
				"Findings of the review", REVIEW_OUTCOME, outcome, DECISION_COMMENT, "Review outcome " + outcome));
	}

	/** A live service whose review asked for a transformation; returns the transformation. */
	ProcessInstance inTransformation(ProcessInstance lifecycle) {
		requestReview(lifecycle.getBusinessKey(), "Customers ask for a leaner version");
		reviewService(lifecycle, ServiceLifecycleProcess.ReviewOutcomes.TRANSFORM);
		return calledProcessInstance(ServiceLifecycleProcess.TRANSFORM_KEY, lifecycle);
	}

	/** A live service whose review asked for its retirement; returns the retirement. */
	ProcessInstance inRetirement(ProcessInstance lifecycle) {
		requestReview(lifecycle.getBusinessKey(), "Demand has moved elsewhere");
		reviewService(lifecycle, ServiceLifecycleProcess.ReviewOutcomes.RETIRE);
		return calledProcessInstance(ServiceLifecycleProcess.RETIREMENT_KEY, lifecycle);
	}

	// transformation

	void redesign(ProcessInstance transform, String owner, String pilotPeriod, String reviewCycle) {
		submit(task(Transform.TASK_REDESIGN_SERVICE, transform), ANALYST, designForm(owner, pilotPeriod, reviewCycle));
	}

	/** The application itself completes the redesign: no person, so no form check; the release still checks. */
	void redesignWithoutAPerson(ProcessInstance transform, String owner, String pilotPeriod, String reviewCycle) {
		taskService().complete(task(Transform.TASK_REDESIGN_SERVICE, transform).getId(),
				designForm(owner, pilotPeriod, reviewCycle));
	}

	void redesign(ProcessInstance transform) {
		redesign(transform, ANALYST, PILOT_PERIOD_FROM_DESIGN, REVIEW_CYCLE_FROM_DESIGN);
	}

	void justifyTransformation(ProcessInstance transform, String decision) {
		decide(task(Transform.TASK_JUSTIFY_TRANSFORMATION, transform), BOARD_MEMBER, decision);
	}

	void endTransformationPilot(ProcessInstance transform) {
		fireTimer(job(Transform.EVENT_PILOT_PERIOD_OVER, transform));
	}

	void reviewTransformationPilot(ProcessInstance transform, String decision) {
		reviewPilot(task(Transform.TASK_REVIEW_PILOT, transform), decision);
	}

	void approveTransformationGoLive(ProcessInstance transform, String decision) {
		decide(task(Transform.TASK_APPROVE_GO_LIVE, transform), BOARD_MEMBER, decision);
	}

	void releaseNewVersion(ProcessInstance transform) {
		execute(job(Transform.TASK_RELEASE_NEW_VERSION, transform));
	}

	/** Redesigned, business case approved, pilot over: the transformation's pilot waits for its review. */
	void toTransformationPilotReview(ProcessInstance transform) {
		redesign(transform);
		justifyTransformation(transform, Decisions.APPROVE);
		endTransformationPilot(transform);
	}

	// retirement

	void planRetirement(ProcessInstance retirement) {
		submit(task(Retirement.TASK_PLAN_RETIREMENT, retirement), ANALYST,
				fields(RETIREMENT_DATE, RETIREMENT_DAY, CUSTOMER_NOTICE, "Please use the successor service.",
						SUCCESSOR_SERVICE, "Enterprise resource tool"));
	}

	void approveRetirement(ProcessInstance retirement, String decision) {
		submit(task(Retirement.TASK_APPROVE_RETIREMENT, retirement), BOARD_MEMBER,
				fields(RETIREMENT_DATE, RETIREMENT_DAY, CUSTOMER_NOTICE, "Please use the successor service.",
						DECISION, decision, DECISION_COMMENT, "Retirement " + decision));
	}

	void notifyCustomers(ProcessInstance retirement) {
		execute(job(Retirement.TASK_NOTIFY_CUSTOMERS, retirement));
	}

	void decommission(ProcessInstance retirement) {
		execute(job(Retirement.TASK_DECOMMISSION_SERVICE, retirement));
	}

	// Tasklist and the job executor

	/** Claims the task and submits its form as the user, the way Tasklist does. */
	void submit(Task task, String user, Map<String, Object> formFields) {
		as(user, () -> {
			taskService().claim(task.getId(), user);
			formService().submitTaskForm(task.getId(), formFields);
			return null;
		});
	}

	/** Runs the work as the authenticated user (member of the user's group), like a Tasklist or REST request. */
	<T> T as(String user, Supplier<T> work) {
		identityService().setAuthentication(user, List.of(GROUP_OF.get(user)));
		try {
			return work.get();
		}
		finally {
			identityService().clearAuthentication();
		}
	}

	/** Moves the engine clock to the timer's due date and fires it, as the job executor would then. */
	static void fireTimer(Job timer) {
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);
	}

	/**
	 * When a timer with this ISO-8601 duration, started at {@code from}, falls due: by the engine's own arithmetic,
	 * which counts weeks beyond a month as months and days (P8W is P1M25D).
	 */
	static Date dueAfter(Instant from, String duration) {
		try {
			Date start = Date.from(from);
			return new DurationHelper(duration, start).getDateAfter(start);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(duration, ex);
		}
	}

	private void decide(Task task, String user, String decision) {
		submit(task, user, fields(DECISION, decision, DECISION_COMMENT, task.getName() + ": " + decision));
	}

	private void reviewPilot(Task task, String decision) {
		submit(task, MANAGER, fields(LESSONS_LEARNED, "Customers valued it; templates were tightened.", DECISION,
				decision, DECISION_COMMENT, "Pilot " + decision));
	}

	private static Map<String, Object> designForm(String owner, String pilotPeriod, String reviewCycle) {
		return fields(DESIGN_SUMMARY, "Delivered by the PMO team with a standard template.", SLA_SUMMARY,
				"Report within 5 working days for 95 % of requests.", SERVICE_OWNER, owner, PILOT_PERIOD, pilotPeriod,
				REVIEW_CYCLE, reviewCycle);
	}

	private static Map<String, Object> fields(Object... namesAndValues) {
		Map<String, Object> fields = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

}
