package org.pmo.servicelifecycle.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The organisation every installation needs: the groups the models assign work to, the shared Tasklist filters and
 * the authorizations of each group. Creating is idempotent, so it runs at every start.
 */
@Component
public class Organisation {

	public static final String MY_TASKS = "My tasks";

	public static final String MY_GROUPS_TASKS = "My groups' tasks";

	public static final String OVERDUE_TASKS = "Overdue tasks";

	private final IdentityService identityService;

	private final FilterService filterService;

	private final TaskService taskService;

	private final ApplicationEventPublisher events;

	Organisation(IdentityService identityService, FilterService filterService, TaskService taskService,
			ApplicationEventPublisher events) {
		this.identityService = identityService;
		this.filterService = filterService;
		this.taskService = taskService;
		this.events = events;
	}

	public void ensureGroupsAndFilters() {
		for (String[] group : Groups.ALL) {
			ensureGroup(group[0], group[1], group[2]);
		}
		Map<String, String> filterIds = new LinkedHashMap<>();
		filterIds.put(MY_TASKS, ensureFilter(MY_TASKS, -10, "Tasks assigned to me",
				this.taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
		filterIds.put(MY_GROUPS_TASKS, ensureFilter(MY_GROUPS_TASKS, -5, "Open tasks of all my groups",
				this.taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks()));
		filterIds.put(OVERDUE_TASKS, ensureFilter(OVERDUE_TASKS, -1,
				"Open tasks past their due date, escalated approvals among them",
				this.taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks()
					.dueBeforeExpression("${now()}")));
		int priority = 0;
		for (String[] workGroup : Groups.WORK_GROUPS) {
			filterIds.put(workGroup[1], ensureFilter(workGroup[1], priority++, "Open lifecycle tasks of " + workGroup[0],
					this.taskService.createTaskQuery().taskCandidateGroup(workGroup[0]).includeAssignedTasks()));
		}
		// the grants on them are security's (security/AccessRights), given before this returns
		this.events.publishEvent(new OrganisationEnsured(filterIds));
	}

	/** Creates a user, or leaves an existing one as it is, and makes it a member of the given groups. */
	public void ensureUser(String id, String firstName, String lastName, String password, String... groupIds) {
		if (this.identityService.createUserQuery().userId(id).count() == 0) {
			User user = this.identityService.newUser(id);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setEmail(id + "@pmo.example");
			user.setPassword(password);
			this.identityService.saveUser(user);
		}
		for (String groupId : groupIds) {
			if (this.identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
				this.identityService.createMembership(id, groupId);
			}
		}
	}

	private void ensureGroup(String id, String name, String type) {
		if (this.identityService.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identityService.newGroup(id);
			group.setName(name);
			group.setType(type);
			this.identityService.saveGroup(group);
		}
	}

	private String ensureFilter(String name, int priority, String description, TaskQuery query) {
		Filter existing = this.filterService.createTaskFilterQuery().filterName(name).list().stream().findFirst().orElse(null);
		if (existing != null) {
			return existing.getId();
		}
		Filter filter = this.filterService.newTaskFilter(name)
			.setQuery(query)
			.setProperties(Map.of("priority", priority, "description", description, "refresh", true, "variables",
					List.of(Map.of("name", "serviceCode", "label", "Service"),
							Map.of("name", "serviceName", "label", "Name"))));
		return this.filterService.saveFilter(filter).getId();
	}

}
