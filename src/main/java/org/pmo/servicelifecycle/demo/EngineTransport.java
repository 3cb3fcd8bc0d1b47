package org.pmo.servicelifecycle.demo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceRequests;

/**
 * The driver's steps through the Java API, in the application's JVM: the request through the service layer the REST
 * API uses, tasks claimed and their forms submitted as Tasklist does, each as the user with his groups (so every
 * rule of the engine applies as it does to a person).
 */
public class EngineTransport implements LifecycleTransport {

	private final ProcessEngine engine;

	private final ServiceRequests requests;

	private final Map<String, List<String>> groupsOf = new ConcurrentHashMap<>();

	public EngineTransport(ProcessEngine engine, ServiceRequests requests) {
		this.engine = engine;
		this.requests = requests;
	}

	@Override
	public String request(String user, ServiceRequest request) {
		return as(user, () -> this.requests.request(request).getCode());
	}

	@Override
	public void complete(String user, String code, String taskKey, Map<String, Object> fields) {
		Task task = task(code, taskKey);
		if (task == null) {
			throw new IllegalStateException("No open " + taskKey + " for " + code);
		}
		completeTask(user, task.getId(), fields);
	}

	/** Claims the task and submits its form as the user, the way Tasklist does. */
	public void completeTask(String user, String taskId, Map<String, Object> fields) {
		as(user, () -> {
			this.engine.getTaskService().claim(taskId, user);
			this.engine.getFormService().submitTaskForm(taskId, fields);
			return null;
		});
	}

	@Override
	public void requestReview(String user, String code, String reason) {
		as(user, () -> {
			this.engine.getRuntimeService()
				.createMessageCorrelation(ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED)
				.processInstanceBusinessKey(code)
				.setVariable(ServiceLifecycleProcess.Variables.REVIEW_REASON, reason)
				.correlate();
			return null;
		});
	}

	@Override
	public void runJob(String code, String activityId) {
		execute(job(code, activityId));
	}

	/** Runs the job as the job executor does; process tests first move the engine clock to a timer's due date. */
	protected void execute(Job job) {
		this.engine.getManagementService().executeJob(job.getId());
	}

	/** The one open task at {@code taskKey} of the service (any of its processes), or null. */
	public Task task(String code, String taskKey) {
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	/** The one job at {@code activityId} in the processes of the service. */
	public Job job(String code, String activityId) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(code)
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.map((instance) -> this.engine.getManagementService()
				.createJobQuery()
				.processInstanceId(instance)
				.activityId(activityId)
				.singleResult())
			.filter(Objects::nonNull)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No job at " + activityId + " for " + code));
	}

	/** Runs the work as the user with his groups, as the REST authentication and Tasklist do. */
	public <T> T as(String user, Supplier<T> work) {
		IdentityService identity = this.engine.getIdentityService();
		identity.setAuthentication(user, this.groupsOf.computeIfAbsent(user, (id) -> identity.createGroupQuery()
			.groupMember(id)
			.list()
			.stream()
			.map(Group::getId)
			.toList()));
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
