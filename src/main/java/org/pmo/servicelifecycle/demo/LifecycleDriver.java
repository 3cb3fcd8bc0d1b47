package org.pmo.servicelifecycle.demo;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.ReviewOutcome;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Transform;

/**
 * Carries services through the lifecycle the way people do, each step taken by the person the model gives it to:
 * the demo data, the tests and the benchmark all use it, over the Java API or HTTP ({@link LifecycleTransport}).
 * Services are named by their code; the transformation and the retirement carry it as their business key too.
 */
public final class LifecycleDriver {

	/** The design's terms unless a step names others: four weeks of pilot, a review every quarter. */
	public static final String PILOT_PERIOD = "P4W";

	public static final String REVIEW_CYCLE = "R/P3M";

	private final LifecycleTransport transport;

	private final People people;

	/** What each request raised here asked for: its design offers those segments at that level. */
	private final Map<String, Offered> requested;

	public LifecycleDriver(LifecycleTransport transport, People people) {
		this(transport, people, new ConcurrentHashMap<>());
	}

	private LifecycleDriver(LifecycleTransport transport, People people, Map<String, Offered> requested) {
		this.transport = transport;
		this.people = people;
		this.requested = requested;
	}

	public LifecycleDriver with(People others) {
		return new LifecycleDriver(this.transport, others, this.requested);
	}

	public People people() {
		return this.people;
	}

	public LifecycleTransport transport() {
		return this.transport;
	}

	/** A request of a project managers' service, named as given. */
	public static ServiceRequest requestFor(String name) {
		return requestFor(name, Set.of(CustomerSegment.PROJECT_MANAGERS));
	}

	public static ServiceRequest requestFor(String name, Set<CustomerSegment> segments) {
		return new ServiceRequest(name, "Requested for " + name + ": delivered by the PMO.", segments, null);
	}

	// the way into operation

	public String request(String name) {
		return request(requestFor(name));
	}

	public String request(ServiceRequest request) {
		String code = this.transport.request(this.people.customer(), request);
		this.requested.put(code, new Offered(request.customerSegments(), request.offeringLevelOrDefault()));
		return code;
	}

	public void evaluateNeed(String code, Decision decision) {
		evaluateNeed(code, decision, null);
	}

	public void evaluateNeed(String code, Decision decision, OfferingLevel offeringLevel) {
		this.transport.complete(this.people.manager(), code, Lifecycle.TASK_EVALUATE_NEED,
				LifecycleForms.needEvaluation(decision, offeringLevel));
		if (offeringLevel != null) {
			this.requested.computeIfPresent(code, (key, offered) -> new Offered(offered.segments(), offeringLevel));
		}
	}

	public void design(String code) {
		design(code, PILOT_PERIOD, REVIEW_CYCLE);
	}

	public void design(String code, String pilotPeriod, String reviewCycle) {
		this.transport.complete(this.people.analyst(), code, Lifecycle.TASK_DESIGN_SERVICE,
				designFields(code, this.people.analyst(), pilotPeriod, reviewCycle));
	}

	/** The design form: the requested segments at the requested level, each on time 90 %; else the standard offering. */
	private Map<String, Object> designFields(String code, String owner, String pilotPeriod, String reviewCycle) {
		Offered offered = this.requested.get(code);
		return (offered == null) ? LifecycleForms.design(owner, pilotPeriod, reviewCycle)
				: LifecycleForms.design(owner, pilotPeriod, reviewCycle, offered.segments(), offered.level());
	}

	public void justify(String code, Decision decision) {
		this.transport.complete(this.people.board(), code, Lifecycle.TASK_JUSTIFY_SERVICE,
				LifecycleForms.decision(decision, "Business case"));
	}

	/** The pilot period is over: its timer runs. */
	public void endPilot(String code) {
		this.transport.runJob(code, Lifecycle.EVENT_PILOT_PERIOD_OVER);
	}

	public void reviewPilot(String code, Decision decision) {
		this.transport.complete(this.people.manager(), code, Lifecycle.TASK_REVIEW_PILOT,
				LifecycleForms.pilotReview(decision));
	}

	public void approveGoLive(String code, Decision decision) {
		this.transport.complete(this.people.board(), code, Lifecycle.TASK_APPROVE_GO_LIVE,
				LifecycleForms.decision(decision, "Go-live"));
	}

	/** Need approved, designed with the given terms, business case approved: the pilot runs. */
	public void toPilot(String code, String pilotPeriod, String reviewCycle) {
		evaluateNeed(code, Decision.APPROVE);
		design(code, pilotPeriod, reviewCycle);
		justify(code, Decision.APPROVE);
	}

	/** The pilot is over, reviewed and the go-live approved: the service is in operation. */
	public void goLive(String code) {
		endPilot(code);
		reviewPilot(code, Decision.APPROVE);
		approveGoLive(code, Decision.APPROVE);
	}

	/** A new service carried to operation with the default terms; returns its code. */
	public String live(String name) {
		return live(requestFor(name), REVIEW_CYCLE);
	}

	public String live(String name, Set<CustomerSegment> segments) {
		return live(requestFor(name, segments), REVIEW_CYCLE);
	}

	public String live(ServiceRequest request, String reviewCycle) {
		String code = request(request);
		toPilot(code, PILOT_PERIOD, reviewCycle);
		goLive(code);
		return code;
	}

	// operation

	/** The review cycle has passed: the periodic review timer runs. */
	public void periodicReviewDue(String code) {
		this.transport.runJob(code, Lifecycle.EVENT_PERIODIC_REVIEW_DUE);
	}

	/** A PMO manager asks for an unscheduled review. */
	public void requestReview(String code, String reason) {
		this.transport.requestReview(this.people.manager(), code, reason);
	}

	public void reviewService(String code, ReviewOutcome outcome) {
		this.transport.complete(this.people.manager(), code, Lifecycle.TASK_REVIEW_SERVICE,
				LifecycleForms.serviceReview(outcome));
	}

	/** A review is asked for and concludes with the outcome. */
	public void review(String code, String reason, ReviewOutcome outcome) {
		requestReview(code, reason);
		reviewService(code, outcome);
	}

	// transformation

	public void redesign(String code, String owner, String pilotPeriod, String reviewCycle) {
		this.transport.complete(this.people.analyst(), code, Transform.TASK_REDESIGN_SERVICE,
				LifecycleForms.redesign(owner, pilotPeriod, reviewCycle));
	}

	public void justifyTransformation(String code, Decision decision) {
		this.transport.complete(this.people.board(), code, Transform.TASK_JUSTIFY_TRANSFORMATION,
				LifecycleForms.decision(decision, "Transformation business case"));
	}

	public void endTransformationPilot(String code) {
		this.transport.runJob(code, Transform.EVENT_PILOT_PERIOD_OVER);
	}

	public void reviewTransformationPilot(String code, Decision decision) {
		this.transport.complete(this.people.manager(), code, Transform.TASK_REVIEW_PILOT,
				LifecycleForms.pilotReview(decision));
	}

	public void approveTransformationGoLive(String code, Decision decision) {
		this.transport.complete(this.people.board(), code, Transform.TASK_APPROVE_GO_LIVE,
				LifecycleForms.decision(decision, "Go-live of the new version"));
	}

	public void releaseNewVersion(String code) {
		this.transport.runJob(code, Transform.TASK_RELEASE_NEW_VERSION);
	}

	// retirement

	public void planRetirement(String code, LocalDate retirementDate) {
		this.transport.complete(this.people.analyst(), code, Retirement.TASK_PLAN_RETIREMENT,
				LifecycleForms.retirementPlan(retirementDate));
	}

	public void approveRetirement(String code, LocalDate retirementDate, Decision decision) {
		this.transport.complete(this.people.board(), code, Retirement.TASK_APPROVE_RETIREMENT,
				LifecycleForms.retirementApproval(retirementDate, decision));
	}

	public void notifyCustomers(String code) {
		this.transport.runJob(code, Retirement.TASK_NOTIFY_CUSTOMERS);
	}

	/** The retirement date has come: its timer runs, then the decommissioning. */
	public void decommission(String code) {
		this.transport.runJob(code, Retirement.EVENT_RETIREMENT_DATE_REACHED);
		this.transport.runJob(code, Retirement.TASK_DECOMMISSION_SERVICE);
	}

	/** A review asked for the retirement, planned and approved for the date. */
	public void retire(String code, String reason, LocalDate retirementDate) {
		review(code, reason, ReviewOutcome.RETIRE);
		planRetirement(code, retirementDate);
		approveRetirement(code, retirementDate, Decision.APPROVE);
	}

	private record Offered(Set<CustomerSegment> segments, OfferingLevel level) {
	}

}
