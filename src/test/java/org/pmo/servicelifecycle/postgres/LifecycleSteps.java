package org.pmo.servicelifecycle.postgres;

import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_APPROVE_GO_LIVE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_DESIGN_SERVICE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_EVALUATE_NEED;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_JUSTIFY_SERVICE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_REVIEW_PILOT;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement.TASK_APPROVE_RETIREMENT;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement.TASK_PLAN_RETIREMENT;

import java.util.Map;

/**
 * The lifecycle's steps, each taken by the group the model assigns it to (the demo organisation's people, password =
 * user id): {@code mark} of the PMO managers, {@code anna} of the PMO analysts, {@code sara} of the portfolio board.
 */
record LifecycleSteps(LifecycleClient customer, LifecycleClient manager, LifecycleClient analyst,
		LifecycleClient board) {

	static LifecycleSteps at(String baseUrl, String customer) {
		return new LifecycleSteps(new LifecycleClient(baseUrl, customer, customer),
				new LifecycleClient(baseUrl, "mark", "mark"), new LifecycleClient(baseUrl, "anna", "anna"),
				new LifecycleClient(baseUrl, "sara", "sara"));
	}

	String request(String name) {
		return this.customer.requestService(name);
	}

	void approveNeed(String code) {
		this.manager.complete(code, TASK_EVALUATE_NEED,
				Map.of("strategicFit", "high", "valueToOrganisation", 4, "decision", "approve"));
	}

	void design(String code, String pilotPeriod, String reviewCycle) {
		this.analyst.complete(code, TASK_DESIGN_SERVICE,
				Map.of("designSummary", "Facilitator, template and report", "slaSummary", "Within 10 working days",
						"serviceOwner", "anna", "pilotPeriod", pilotPeriod, "reviewCycle", reviewCycle));
	}

	void approveBusinessCase(String code) {
		this.board.complete(code, TASK_JUSTIFY_SERVICE, Map.of("decision", "approve"));
	}

	void approvePilot(String code) {
		this.manager.complete(code, TASK_REVIEW_PILOT, Map.of("lessonsLearned", "Works", "decision", "approve"));
	}

	void approveGoLive(String code) {
		this.board.complete(code, TASK_APPROVE_GO_LIVE, Map.of("decision", "approve"));
	}

	void review(String taskId, String outcome) {
		this.manager.completeTask(taskId, Map.of("reviewFindings", "Reviewed", "reviewOutcome", outcome));
	}

	void planRetirement(String code) {
		this.analyst.complete(code, TASK_PLAN_RETIREMENT,
				Map.of("retirementDate", "2030-12-31", "customerNotice", "The service ends."));
	}

	void approveRetirement(String code) {
		this.board.complete(code, TASK_APPROVE_RETIREMENT, Map.of("decision", "approve"));
	}

}
