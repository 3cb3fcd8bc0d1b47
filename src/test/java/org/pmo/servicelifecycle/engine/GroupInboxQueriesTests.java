package org.pmo.servicelifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.identity.Groups;

/**
 * A group inbox's page read by {@link GroupInboxQueries} holds the same tasks, in the same order, as Camunda's task
 * statement returns for the same query; queries of any other shape keep Camunda's statement.
 */
class GroupInboxQueriesTests extends WebTestSupport {

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String groupA = "inbox-a-" + this.run;

	private final String groupB = "inbox-b-" + this.run;

	private final String groupC = "inbox-c-" + this.run;

	private final String ines = "ines-" + this.run;

	private final List<String> created = new ArrayList<>();

	private TaskService tasks;

	private String filter;

	private IdentityService identity;

	@BeforeEach
	void openTasksOfThreeGroups() {
		// tasks without a process, for a test of the query alone
		configuration().setStandaloneTasksEnabled(true);
		this.tasks = this.engine.getTaskService();
		this.identity = this.engine.getIdentityService();
		Date start = new Date(ClockUtil.getCurrentTime().getTime() - 3_600_000);
		String other = "otto-" + this.run;
		task(start, 1, 50, null, null, null, this.groupA);
		task(start, 2, 50, null, null, null, this.groupB);
		task(start, 3, 20, null, null, null, this.groupA, this.groupB);
		task(start, 4, 50, null, null, null, this.groupC);
		task(start, 5, 80, this.ines, null, null, this.groupA);
		task(start, 6, 20, other, null, null, this.groupA);
		task(start, 7, 50, this.ines, null, null, this.groupB);
		task(start, 8, 80, null, this.ines, null, this.groupB);
		String candidateUser = task(start, 9, 50, null, null, null, this.groupB);
		this.tasks.addCandidateUser(candidateUser, this.ines);
		task(start, 10, 50, this.ines, null, null);
		task(start, 11, 50, null, null, "tenant-" + this.run, this.groupA);
		task(start, 12, 20, null, null, null, this.groupB, this.groupC);
		task(start, 13, 80, other, null, null, this.groupC);
	}

	@AfterEach
	void removeTheTasks() {
		this.identity.clearAuthentication();
		ClockUtil.reset();
		if (this.filter != null) {
			this.engine.getFilterService().deleteFilter(this.filter);
		}
		try {
			for (String id : this.created) {
				this.tasks.deleteTask(id, true);
			}
		}
		finally {
			configuration().setStandaloneTasksEnabled(false);
		}
	}

	private ProcessEngineConfigurationImpl configuration() {
		return (ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration();
	}

	@Test
	void aGroupInboxPageHoldsWhatCamundasStatementReturns() {
		List<UnaryOperator<TaskQuery>> inboxes = List.of(
				query -> query.taskCandidateGroup(this.groupA).includeAssignedTasks(),
				query -> query.taskCandidateGroup(this.groupB).includeAssignedTasks(),
				query -> query.taskCandidateGroup(this.groupA),
				query -> query.taskCandidateGroupIn(List.of(this.groupA, this.groupB)).includeAssignedTasks(),
				query -> query.taskCandidateGroupIn(List.of(this.groupA, this.groupB, this.groupC)));
		List<UnaryOperator<TaskQuery>> orders = List.of(query -> query.orderByTaskCreateTime().desc(),
				query -> query.orderByTaskPriority().desc().orderByTaskCreateTime().asc(),
				query -> query.orderByDueDate().asc(), query -> query.orderByTaskName().desc(), query -> query);
		int compared = 0;
		for (UnaryOperator<TaskQuery> inbox : inboxes) {
			long count = countAsInes(inbox);
			assertThat(count).isEqualTo(countAsInes(query -> inbox.apply(query).excludeSubtasks()));
			assertThat(count).isEqualTo(pageAsInes(inbox, new int[] { 0, 50 }).size());
			for (UnaryOperator<TaskQuery> order : orders) {
				for (int[] page : new int[][] { { 0, 3 }, { 2, 4 }, { 0, 50 } }) {
					UnaryOperator<TaskQuery> shape = query -> order.apply(inbox.apply(query));
					assertThat(fitsAsInes(shape)).isTrue();
					// excluding subtasks changes nothing here (none has a parent) but takes Camunda's statement
					assertThat(fitsAsInes(query -> shape.apply(query).excludeSubtasks())).isFalse();
					List<String> narrow = pageAsInes(shape, page);
					List<String> camundas = pageAsInes(query -> shape.apply(query).excludeSubtasks(), page);
					assertThat(narrow).isEqualTo(camundas);
					compared += narrow.size();
				}
			}
		}
		assertThat(compared).isPositive();

		// the candidate rule holds on both paths: the inbox of group B, not hers, shows Ines the tasks she is involved
		// in; one candidate link must meet both the filter's groups and the rule, as in Camunda's join
		List<String> groupB = pageAsInes(query -> query.taskCandidateGroup(this.groupB)
			.includeAssignedTasks()
			.orderByTaskCreateTime()
			.asc(), new int[] { 0, 50 });
		assertThat(groupB).containsExactly(name(7), name(8));
		// unassigned tasks only, newest first, not the other tenant's
		assertThat(pageAsInes(query -> query.taskCandidateGroup(this.groupA).orderByTaskCreateTime().desc(),
				new int[] { 0, 50 }))
			.containsExactly(name(3), name(1));
	}

	@Test
	void aSavedFilterExtendedAsTasklistExtendsItTakesTheStatement() {
		FilterService filters = this.engine.getFilterService();
		// her own filter, as Tasklist saves one
		Filter saved = filters.newTaskFilter("Inbox of A " + this.run)
			.setOwner(this.ines)
			.setQuery(this.tasks.createTaskQuery().taskCandidateGroup(this.groupA).includeAssignedTasks());
		filters.saveFilter(saved);
		this.filter = saved.getId();
		// the stored query as Tasklist's page reads it back, with its sorting from the request
		Supplier<TaskQuery> page = () -> filters.getFilter(this.filter)
			.extend(this.tasks.createTaskQuery().orderByTaskCreateTime().desc())
			.getQuery();
		assertThat(fits(page)).isTrue();
		this.identity.setAuthentication(this.ines, List.of(this.groupA, this.groupC));
		try {
			List<Task> found = filters.listPage(this.filter, this.tasks.createTaskQuery().orderByTaskCreateTime().desc(),
					0, 15);
			List<String> inbox = found.stream().map(Task::getName).toList();
			assertThat(inbox).containsExactly(name(6), name(5), name(3), name(1));
			assertThat(filters.count(this.filter)).isEqualTo(4);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	@Test
	void otherShapesKeepCamundasStatement() {
		// an administrator's queries join Camunda's authorization rows: his grants decide, as before
		assertThat(fits(List.of(Groups.CAMUNDA_ADMIN),
				() -> this.tasks.createTaskQuery().taskCandidateGroup(this.groupA).includeAssignedTasks()))
			.isFalse();
		assertThat(fitsAsInes(query -> query.taskCandidateGroup(this.groupA).dueBefore(new Date()))).isFalse();
		assertThat(fitsAsInes(query -> query.taskCandidateGroup(this.groupA).processVariableValueEquals("x", 1)))
			.isFalse();
		assertThat(fitsAsInes(query -> query.taskCandidateGroup(this.groupA).orderByProcessVariable("serviceCode",
				ValueType.STRING)))
			.isFalse();
		assertThat(fitsAsInes(query -> query.taskCandidateUser(this.ines))).isFalse();
		assertThat(fitsAsInes(query -> query.taskAssignee(this.ines))).isFalse();
		assertThat(fitsAsInes(query -> query.taskCandidateGroup(this.groupA).or().taskName("x").endOr())).isFalse();
		// the filter "My tasks" and the others still answer as Camunda's statement
		assertThat(pageAsInes(query -> query.taskAssignee(this.ines).orderByTaskCreateTime().asc(),
				new int[] { 0, 50 }))
			.containsExactly(name(5), name(7), name(10));
	}

	private boolean fitsAsInes(UnaryOperator<TaskQuery> shape) {
		return fits(() -> shape.apply(this.tasks.createTaskQuery()));
	}

	private boolean fits(Supplier<TaskQuery> shape) {
		return fits(List.of(this.groupA, this.groupC), shape);
	}

	private boolean fits(List<String> groups, Supplier<TaskQuery> shape) {
		// configured inside the command as the task manager configures it, for Ines and her groups
		Command<Boolean> configured = context -> {
			this.identity.setAuthentication(this.ines, groups);
			try {
				TaskQueryImpl query = (TaskQueryImpl) shape.get();
				context.getAuthorizationManager().configureTaskQuery(query);
				context.getTenantManager().configureQuery(query);
				return GroupInboxQueries.fits(query);
			}
			finally {
				this.identity.clearAuthentication();
			}
		};
		return configuration().getCommandExecutorTxRequired().execute(configured);
	}

	private long countAsInes(UnaryOperator<TaskQuery> shape) {
		this.identity.setAuthentication(this.ines, List.of(this.groupA, this.groupC));
		try {
			return shape.apply(this.tasks.createTaskQuery()).count();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	private List<String> pageAsInes(UnaryOperator<TaskQuery> shape, int[] page) {
		this.identity.setAuthentication(this.ines, List.of(this.groupA, this.groupC));
		try {
			return shape.apply(this.tasks.createTaskQuery())
				.listPage(page[0], page[1])
				.stream()
				.map(Task::getName)
				.filter(taskName -> taskName.endsWith(this.run))
				.toList();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	private String task(Date start, int number, int priority, String assignee, String owner, String tenant,
			String... candidateGroups) {
		ClockUtil.setCurrentTime(new Date(start.getTime() + number * 60_000L));
		Task task = this.tasks.newTask();
		task.setName(name(number));
		task.setPriority(priority);
		task.setAssignee(assignee);
		task.setOwner(owner);
		task.setTenantId(tenant);
		task.setDueDate(new Date(start.getTime() + (20 - number) * 86_400_000L));
		this.tasks.saveTask(task);
		for (String group : candidateGroups) {
			this.tasks.addCandidateGroup(task.getId(), group);
		}
		this.created.add(task.getId());
		return task.getId();
	}

	private String name(int number) {
		return "Inbox task " + (char) ('a' + number) + " " + this.run;
	}

}
