package org.pmo.servicelifecycle.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceRequests;

/**
 * Moves services through the lifecycle as people do (each step as its user, with his groups), so a test can start
 * where the rule it checks applies.
 */
final class LifecycleSteps {

	private final ProcessEngine engine;

	private final ServiceRequests requests;

	LifecycleSteps(ProcessEngine engine, ServiceRequests requests) {
		this.engine = engine;
		this.requests = requests;
	}

	String request(String user, String name) {
		return as(user, () -> this.requests
			.request(new ServiceRequest(name, "Requested by " + user, Set.of(CustomerSegment.PROJECT_MANAGERS), null))
			.getCode());
	}

	void evaluate(String code, String user) {
		complete(code, ServiceLifecycleProcess.Lifecycle.TASK_EVALUATE_NEED, user,
				Map.of("strategicFit", "high", "valueToOrganisation", 3, "decision", "approve"));
	}

	void design(String code, String user) {
		complete(code, ServiceLifecycleProcess.Lifecycle.TASK_DESIGN_SERVICE, user,
				Map.of("designSummary", "Template and named lead", "slaSummary", "Within 5 working days",
						"serviceOwner", user, "pilotPeriod", "P4W", "reviewCycle", "R/P3M"));
	}

	void approve(String code, String taskKey, String user) {
		complete(code, taskKey, user, Map.of("decision", "approve"));
	}

	void reviewPilot(String code, String user) {
		fireJob(code, ServiceLifecycleProcess.Lifecycle.EVENT_PILOT_PERIOD_OVER);
		complete(code, ServiceLifecycleProcess.Lifecycle.TASK_REVIEW_PILOT, user,
				Map.of("lessonsLearned", "Worked", "decision", "approve"));
	}

	void retire(String code, String manager) {
		runtime().createMessageCorrelation(ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED)
			.processInstanceBusinessKey(code)
			.setVariable("reviewReason", "Demand has gone")
			.correlate();
		complete(code, ServiceLifecycleProcess.Lifecycle.TASK_REVIEW_SERVICE, manager,
				Map.of("reviewFindings", "No demand", "reviewOutcome", "retire"));
	}

	void planRetirement(String code, String user) {
		complete(code, ServiceLifecycleProcess.Retirement.TASK_PLAN_RETIREMENT, user,
				Map.of("retirementDate", "2030-01-31", "customerNotice", "The service ends."));
	}

	Task task(String code, String taskKey) {
		return tasks().createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).singleResult();
	}

	void complete(String code, String taskKey, String user, Map<String, Object> fields) {
		Task task = task(code, taskKey);
		if (task == null) {
			throw new IllegalStateException("No open " + taskKey + " for " + code);
		}
		as(user, () -> {
			tasks().claim(task.getId(), user);
			tasks().complete(task.getId(), fields);
			return null;
		});
	}

	void fireJob(String code, String activityId) {
		ProcessInstance lifecycle = runtime().createProcessInstanceQuery()
			.processDefinitionKey(ServiceLifecycleProcess.KEY)
			.processInstanceBusinessKey(code)
			.singleResult();
		ManagementService management = this.engine.getManagementService();
		Job job = management.createJobQuery()
			.processInstanceId(lifecycle.getId())
			.activityId(activityId)
			.singleResult();
		management.executeJob(job.getId());
	}

	<T> T as(String user, Supplier<T> work) {
		IdentityService identity = this.engine.getIdentityService();
		List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
		identity.setAuthentication(user, groups);
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private TaskService tasks() {
		return this.engine.getTaskService();
	}

	private RuntimeService runtime() {
		return this.engine.getRuntimeService();
	}

}
