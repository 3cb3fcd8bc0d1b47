package org.pmo.servicelifecycle;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceRequests;

/** Carries new services through the engine API to OPERATION, for tests that start from a live service. */
public final class LiveServices {

	private final ServiceRequests requests;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final IdentityService identityService;

	private final RuntimeService runtimeService;

	public LiveServices(ServiceRequests requests, TaskService taskService, ManagementService managementService,
			IdentityService identityService, RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
		this.requests = requests;
		this.taskService = taskService;
		this.managementService = managementService;
		this.identityService = identityService;
	}

	/** A new live service; returns its code. */
	public String live(String name, Set<CustomerSegment> segments) {
		String code;
		as("paul");
		try {
			code = this.requests.request(new ServiceRequest(name, "Delivered by the PMO", segments, OfferingLevel.ADDITIONAL))
				.getCode();
		}
		finally {
			this.identityService.clearAuthentication();
		}
		complete(code, Lifecycle.TASK_EVALUATE_NEED, "mark",
				Map.of("strategicFit", "high", "valueToOrganisation", 4, "decision", "approve"));
		complete(code, Lifecycle.TASK_DESIGN_SERVICE, "anna", Map.of("designSummary", "Team and template", "slaSummary",
				"See agreements", "serviceOwner", "anna", "pilotPeriod", "P4W", "reviewCycle", "R/P3M"));
		complete(code, Lifecycle.TASK_JUSTIFY_SERVICE, "sara", Map.of("decision", "approve"));
		String lifecycle = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ServiceLifecycleProcess.KEY)
			.processInstanceBusinessKey(code)
			.singleResult()
			.getId();
		String timer = this.managementService.createJobQuery()
			.processInstanceId(lifecycle)
			.activityId(Lifecycle.EVENT_PILOT_PERIOD_OVER)
			.singleResult()
			.getId();
		this.managementService.executeJob(timer);
		complete(code, Lifecycle.TASK_REVIEW_PILOT, "mark", Map.of("lessonsLearned", "Works", "decision", "approve"));
		complete(code, Lifecycle.TASK_APPROVE_GO_LIVE, "sara", Map.of("decision", "approve"));
		return code;
	}

	/** Acts as the user with his groups, as the REST authentication and Tasklist do. */
	private void as(String user) {
		this.identityService.setAuthentication(user, this.identityService.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.toList());
	}

	public void complete(String code, String taskKey, String user, Map<String, Object> variables) {
		Task task = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey(taskKey)
			.singleResult();
		as(user);
		try {
			this.taskService.claim(task.getId(), user);
			this.taskService.complete(task.getId(), variables);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

}
