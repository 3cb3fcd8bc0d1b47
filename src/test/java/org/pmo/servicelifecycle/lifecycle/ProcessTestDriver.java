package org.pmo.servicelifecycle.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.REVIEW_REASON;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ReviewOutcome;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceHistoryEntry;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.demo.EngineTransport;
import org.pmo.servicelifecycle.demo.LifecycleDriver;
import org.pmo.servicelifecycle.demo.LifecycleForms;
import org.pmo.servicelifecycle.demo.People;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Transform;

/**
 * The lifecycle driver for process tests: its steps as people take them (each as the user of the group the task is
 * for, forms submitted as Tasklist does), with the instances camunda-bpm-assert works on, and timers fired at their
 * due date on the engine clock. Needs {@code BpmnAwareTests.init(processEngine)} first.
 */
final class ProcessTestDriver {

	/** Process tests run without a servlet container, which the engine's REST API (Jersey) cannot do without. */
	static final String WITHOUT_ENGINE_REST = "spring.autoconfigure.exclude="
			+ "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration";

	/** All process tests start at this moment on the engine clock, so due dates can be compared exactly. */
	static final Instant START = Instant.parse("2025-01-06T09:00:00Z");

	static final String CUSTOMER = People.DEMO.customer();

	static final String ANALYST = People.DEMO.analyst();

	static final String MANAGER = People.DEMO.manager();

	static final String BOARD_MEMBER = People.DEMO.board();

	/** Eight weeks as the design form offers it; longer than the catalog's default P4W. */
	static final String PILOT_PERIOD_FROM_DESIGN = "P56D";

	static final String REVIEW_CYCLE_FROM_DESIGN = "R/P6M";

	static final LocalDate RETIREMENT_DAY = LocalDate.parse("2025-06-30");

	private final ServiceCatalog catalog;

	private final OnTheEngineClock engine;

	private final LifecycleDriver steps;

	ProcessTestDriver(ProcessEngine processEngine, ServiceRequests requests, ServiceCatalog catalog) {
		this.catalog = catalog;
		this.engine = new OnTheEngineClock(processEngine, requests);
		this.steps = new LifecycleDriver(this.engine, People.DEMO);
	}

	// requests and the catalog

	/** A customer raises a request through the product's API; returns the lifecycle it started. */
	ProcessInstance request(String serviceName) {
		return lifecycleOf(this.steps.request(new ServiceRequest(serviceName,
				"Service requested by the process tests: " + serviceName, Set.of(CustomerSegment.PROJECT_MANAGERS),
				null)));
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

	/** The manager also makes the service a mandated one. */
	void evaluateNeed(ProcessInstance lifecycle, Decision decision) {
		this.steps.evaluateNeed(lifecycle.getBusinessKey(), decision, OfferingLevel.MANDATED);
	}

	void design(ProcessInstance lifecycle) {
		design(lifecycle, PILOT_PERIOD_FROM_DESIGN, REVIEW_CYCLE_FROM_DESIGN);
	}

	void design(ProcessInstance lifecycle, String pilotPeriod, String reviewCycle) {
		this.steps.design(lifecycle.getBusinessKey(), pilotPeriod, reviewCycle);
	}

	void justify(ProcessInstance lifecycle, Decision decision) {
		this.steps.justify(lifecycle.getBusinessKey(), decision);
	}

	/** Lets the pilot period pass on the engine clock and fires the timer. */
	void endPilot(ProcessInstance lifecycle) {
		this.steps.endPilot(lifecycle.getBusinessKey());
	}

	void reviewPilot(ProcessInstance lifecycle, Decision decision) {
		this.steps.reviewPilot(lifecycle.getBusinessKey(), decision);
	}

	void approveGoLive(ProcessInstance lifecycle, Decision decision) {
		this.steps.approveGoLive(lifecycle.getBusinessKey(), decision);
	}

	/** Up to the pilot: need approved, designed, business case approved. */
	ProcessInstance inPilot(String serviceName) {
		ProcessInstance lifecycle = request(serviceName);
		evaluateNeed(lifecycle, Decision.APPROVE);
		design(lifecycle);
		justify(lifecycle, Decision.APPROVE);
		return lifecycle;
	}

	/** All gates approved: the service is live. */
	ProcessInstance live(String serviceName) {
		ProcessInstance lifecycle = inPilot(serviceName);
		this.steps.goLive(lifecycle.getBusinessKey());
		return lifecycle;
	}

	// operation

	Job periodicReviewTimer(ProcessInstance lifecycle) {
		return job(Lifecycle.EVENT_PERIODIC_REVIEW_DUE, lifecycle);
	}

	/** Lets the review cycle pass on the engine clock and fires the periodic review timer. */
	void periodicReviewDue(ProcessInstance lifecycle) {
		this.steps.periodicReviewDue(lifecycle.getBusinessKey());
	}

	/** An SLA breach or a complaint asks for a review, as the agreement monitoring or an integrator would. */
	void requestReview(String code, String reason) {
		runtimeService().createMessageCorrelation(ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED)
			.processInstanceBusinessKey(code)
			.setVariable(REVIEW_REASON, reason)
			.correlate();
	}

	void reviewService(ProcessInstance lifecycle, ReviewOutcome outcome) {
		this.steps.reviewService(lifecycle.getBusinessKey(), outcome);
	}

	/** A live service whose review asked for a transformation; returns the transformation. */
	ProcessInstance inTransformation(ProcessInstance lifecycle) {
		requestReview(lifecycle.getBusinessKey(), "Customers ask for a leaner version");
		reviewService(lifecycle, ReviewOutcome.TRANSFORM);
		return calledProcessInstance(ServiceLifecycleProcess.TRANSFORM_KEY, lifecycle);
	}

	/** A live service whose review asked for its retirement; returns the retirement. */
	ProcessInstance inRetirement(ProcessInstance lifecycle) {
		requestReview(lifecycle.getBusinessKey(), "Demand has moved elsewhere");
		reviewService(lifecycle, ReviewOutcome.RETIRE);
		return calledProcessInstance(ServiceLifecycleProcess.RETIREMENT_KEY, lifecycle);
	}

	// transformation

	void redesign(ProcessInstance transform, String owner, String pilotPeriod, String reviewCycle) {
		this.steps.redesign(transform.getBusinessKey(), owner, pilotPeriod, reviewCycle);
	}

	/** The application itself completes the redesign: no person, so no form check; the release still checks. */
	void redesignWithoutAPerson(ProcessInstance transform, String owner, String pilotPeriod, String reviewCycle) {
		taskService().complete(task(Transform.TASK_REDESIGN_SERVICE, transform).getId(),
				LifecycleForms.design(owner, pilotPeriod, reviewCycle));
	}

	void redesign(ProcessInstance transform) {
		redesign(transform, ANALYST, PILOT_PERIOD_FROM_DESIGN, REVIEW_CYCLE_FROM_DESIGN);
	}

	void justifyTransformation(ProcessInstance transform, Decision decision) {
		this.steps.justifyTransformation(transform.getBusinessKey(), decision);
	}

	void endTransformationPilot(ProcessInstance transform) {
		this.steps.endTransformationPilot(transform.getBusinessKey());
	}

	void reviewTransformationPilot(ProcessInstance transform, Decision decision) {
		this.steps.reviewTransformationPilot(transform.getBusinessKey(), decision);
	}

	void approveTransformationGoLive(ProcessInstance transform, Decision decision) {
		this.steps.approveTransformationGoLive(transform.getBusinessKey(), decision);
	}

	void releaseNewVersion(ProcessInstance transform) {
		this.steps.releaseNewVersion(transform.getBusinessKey());
	}

	/** Redesigned, business case approved, pilot over: the transformation's pilot waits for its review. */
	void toTransformationPilotReview(ProcessInstance transform) {
		redesign(transform);
		justifyTransformation(transform, Decision.APPROVE);
		endTransformationPilot(transform);
	}

	// retirement

	void planRetirement(ProcessInstance retirement) {
		planRetirement(retirement, RETIREMENT_DAY);
	}

	void planRetirement(ProcessInstance retirement, LocalDate retirementDate) {
		this.steps.planRetirement(retirement.getBusinessKey(), retirementDate);
	}

	void approveRetirement(ProcessInstance retirement, Decision decision) {
		this.steps.approveRetirement(retirement.getBusinessKey(), RETIREMENT_DAY, decision);
	}

	void notifyCustomers(ProcessInstance retirement) {
		this.steps.notifyCustomers(retirement.getBusinessKey());
	}

	void decommission(ProcessInstance retirement) {
		this.steps.decommission(retirement.getBusinessKey());
	}

	// Tasklist and the job executor

	/** Claims the task and submits its form as the user, the way Tasklist does. */
	void submit(Task task, String user, Map<String, Object> formFields) {
		this.engine.completeTask(user, task.getId(), formFields);
	}

	/** Runs the work as the authenticated user (member of the user's groups), like a Tasklist or REST request. */
	<T> T as(String user, Supplier<T> work) {
		return this.engine.as(user, work);
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

	/** The Java API, with a timer's due date reached on the engine clock before it runs. */
	private static final class OnTheEngineClock extends EngineTransport {

		OnTheEngineClock(ProcessEngine engine, ServiceRequests requests) {
			super(engine, requests);
		}

		@Override
		protected void execute(Job job) {
			if (job instanceof TimerEntity) {
				fireTimer(job);
			}
			else {
				BpmnAwareTests.execute(job);
			}
		}

	}

}
