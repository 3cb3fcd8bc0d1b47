package org.pmo.servicelifecycle.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything a refused request could have changed, read as the application: instances and where their tokens are,
 * tasks, jobs, variables, history, identity, grants, filters, deployments and the catalog. Two equal snapshots mean
 * nothing changed in between.
 */
final class EngineState {

	private final ProcessEngine engine;

	private final JdbcTemplate jdbc;

	EngineState(ProcessEngine engine, JdbcTemplate jdbc) {
		this.engine = engine;
		this.jdbc = jdbc;
	}

	String snapshot() {
		List<String> lines = new ArrayList<>();
		var runtime = this.engine.getRuntimeService();
		for (ProcessInstance instance : runtime.createProcessInstanceQuery().orderByProcessInstanceId().asc().list()) {
			lines.add("instance " + instance.getId() + " " + instance.getBusinessKey() + " suspended="
					+ instance.isSuspended() + " at " + runtime.getActiveActivityIds(instance.getId()));
		}
		this.engine.getTaskService()
			.createTaskQuery()
			.orderByTaskId()
			.asc()
			.list()
			.forEach((task) -> lines.add("task " + task.getId() + " " + task.getTaskDefinitionKey() + " assignee="
					+ task.getAssignee() + " owner=" + task.getOwner() + " due=" + task.getDueDate() + " followUp="
					+ task.getFollowUpDate() + " priority=" + task.getPriority() + " name=" + task.getName()
					+ " links=" + this.engine.getTaskService()
						.getIdentityLinksForTask(task.getId())
						.stream()
						.map((link) -> link.getType() + ":" + link.getUserId() + ":" + link.getGroupId())
						.sorted()
						.toList()));
		this.engine.getManagementService()
			.createJobQuery()
			.orderByJobId()
			.asc()
			.list()
			.forEach((job) -> lines.add("job " + job.getId() + " due=" + job.getDuedate() + " retries="
					+ job.getRetries() + " suspended=" + job.isSuspended() + " priority=" + job.getPriority()));
		runtime.createVariableInstanceQuery()
			.disableCustomObjectDeserialization()
			.disableBinaryFetching()
			.orderByVariableName()
			.asc()
			.list()
			.stream()
			.map((variable) -> "variable " + variable.getExecutionId() + "/" + variable.getTaskId() + " "
					+ variable.getName() + "=" + variable.getTypedValue())
			.sorted()
			.forEach(lines::add);
		runtime.createEventSubscriptionQuery()
			.list()
			.stream()
			.map((subscription) -> "subscription " + subscription.getId() + " " + subscription.getEventName())
			.sorted()
			.forEach(lines::add);
		var history = this.engine.getHistoryService();
		lines.add("history details=" + history.createHistoricDetailQuery().count() + " activities="
				+ history.createHistoricActivityInstanceQuery().count() + " operations="
				+ history.createUserOperationLogQuery().count() + " decisions="
				+ history.createHistoricDecisionInstanceQuery().count() + " incidents="
				+ history.createHistoricIncidentQuery().count());
		var identity = this.engine.getIdentityService();
		identity.createUserQuery()
			.list()
			.forEach((user) -> lines.add("user " + user.getId() + " " + user.getFirstName() + " " + user.getLastName()
					+ " " + user.getEmail() + " groups=" + identity.createGroupQuery()
						.groupMember(user.getId())
						.list()
						.stream()
						.map((group) -> group.getId())
						.sorted()
						.toList()));
		lines.add("groups=" + identity.createGroupQuery().count() + " tenants=" + identity.createTenantQuery().count());
		this.engine.getAuthorizationService()
			.createAuthorizationQuery()
			.list()
			.stream()
			.map((grant) -> "grant " + grant.getId() + " " + grant.getGroupId() + "/" + grant.getUserId() + " "
					+ grant.getResourceType() + ":" + grant.getResourceId() + " " + grant.getAuthorizationType() + " "
					+ List.of(grant.getPermissions(org.camunda.bpm.engine.authorization.Permissions.values())))
			.sorted()
			.forEach(lines::add);
		lines.add("filters=" + this.engine.getFilterService().createFilterQuery().list().stream()
			.map((filter) -> filter.getName() + " " + filter.getOwner() + " " + filter.getProperties())
			.sorted()
			.collect(Collectors.joining(",")));
		lines.add("deployments=" + this.engine.getRepositoryService().createDeploymentQuery().count() + " definitions="
				+ this.engine.getRepositoryService()
					.createProcessDefinitionQuery()
					.list()
					.stream()
					.map((definition) -> definition.getId() + ":" + definition.isSuspended() + ":"
							+ definition.getHistoryTimeToLive())
					.sorted()
					.toList());
		lines.add("incidents=" + runtime.createIncidentQuery().count() + " batches="
				+ this.engine.getManagementService().createBatchQuery().count());
		lines.add("catalog " + this.jdbc.queryForList(
				"select code, stage, service_version, owner, review_cycle, pilot_period, row_version from pmo_service order by code"));
		lines.add("catalog history " + this.jdbc.queryForObject("select count(*) from service_history", Long.class));
		return String.join("\n", lines);
	}

}
