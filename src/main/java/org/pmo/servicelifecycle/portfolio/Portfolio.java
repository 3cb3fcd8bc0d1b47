package org.pmo.servicelifecycle.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.pmo.servicelifecycle.agreement.AgreementBook;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.PortfolioPhase;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.review.ReviewDecisions;
import org.pmo.servicelifecycle.web.ApiOperation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts the catalog, the agreements and the engine's open work together for the portfolio page. */
@Service
@Transactional(readOnly = true)
public class Portfolio {

	/** Rows one engine query may return; within the engine's query result limit. */
	static final int MAX_ROWS = 2000;

	private final ServiceCatalog catalog;

	private final AgreementBook agreements;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final RepositoryService repositoryService;

	private final RuntimeService runtimeService;

	private final Clock clock;

	private final ApplicationAuthority application;

	private final HistoryService historyService;

	private final JdbcTemplate jdbc;

	private final String identityLinkTable;

	Portfolio(ServiceCatalog catalog, AgreementBook agreements, TaskService taskService,
			ManagementService managementService, RepositoryService repositoryService, RuntimeService runtimeService,
			HistoryService historyService, Clock clock, ApplicationAuthority application, JdbcTemplate jdbc,
			@Value("${camunda.bpm.database.table-prefix:}") String engineTablePrefix) {
		this.jdbc = jdbc;
		this.identityLinkTable = engineTablePrefix + "ACT_RU_IDENTITYLINK";
		this.historyService = historyService;
		this.application = application;
		this.runtimeService = runtimeService;
		this.catalog = catalog;
		this.agreements = agreements;
		this.taskService = taskService;
		this.managementService = managementService;
		this.repositoryService = repositoryService;
		this.clock = clock;
	}

	public PortfolioOverview overview(PortfolioPhase phase, Stage stage, int limit) {
		Instant now = this.clock.instant();
		Map<Stage, Long> byStage = this.catalog.countByStage();
		Map<PortfolioPhase, Long> byPhase = new EnumMap<>(PortfolioPhase.class);
		for (PortfolioPhase each : PortfolioPhase.values()) {
			byPhase.put(each, 0L);
		}
		byStage.forEach((each, count) -> byPhase.merge(each.portfolioPhase(), count, Long::sum));

		List<PmoService> services = this.catalog.list(phase, stage, limit);
		// everyone who may read the catalog sees the whole portfolio's work, whatever tasks are his own
		List<String> codes = services.stream().map(PmoService::getCode).toList();
		Map<String, List<PortfolioOverview.OpenTask>> tasksByCode = this.application.call(() -> openTasksOf(codes, now));
		Map<String, Map<String, Object>> figures = readsStrategy() ? this.application.call(() -> figuresOf(services))
				: Map.of();
		List<PortfolioOverview.ServiceSummary> summaries = new ArrayList<>();
		for (PmoService service : services) {
			List<PortfolioOverview.OpenTask> tasks = tasksByCode.getOrDefault(service.getCode(), List.of());
			Map<String, Object> found = figures.getOrDefault(service.getLifecycleInstanceId(), Map.of());
			summaries.add(new PortfolioOverview.ServiceSummary(service.getCode(), service.getName(),
					service.getStage(), service.getPortfolioPhase(), service.getOfferingLevel(),
					service.getCustomerSegments(), service.getServiceVersion(), service.getOwner(),
					this.agreements.performance(service.getCode()).health(), this.catalog.lastReview(service.getCode()),
					service.getNextReviewDue(), tasks, tasks.stream().filter(PortfolioOverview.OpenTask::overdue).count(),
					(found.get(ReviewDecisions.VALUE_SCORE) instanceof Number score) ? score : null,
					(found.get(ReviewDecisions.PRIORITY) != null) ? String.valueOf(found.get(ReviewDecisions.PRIORITY))
							: null));
		}
		return new PortfolioOverview(now, byPhase, byStage, summaries, this.application.call(this::waitingPerStep));
	}

	/** The current user reads the strategy: the value scores, priorities and business cases. */
	boolean readsStrategy() {
		return this.application.currentUserIsAdministrator()
				|| ApiOperation.READ_STRATEGY.allows(this.application.currentGroupIds());
	}

	/**
	 * The value score and priority each lifecycle found, by lifecycle instance, in one query of the history; call as
	 * the application.
	 */
	Map<String, Map<String, Object>> figuresOf(List<PmoService> services) {
		Map<String, Map<String, Object>> figures = new HashMap<>();
		String[] instances = services.stream()
			.map(PmoService::getLifecycleInstanceId)
			.filter(java.util.Objects::nonNull)
			.toArray(String[]::new);
		if (instances.length == 0) {
			return figures;
		}
		this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(instances)
			.variableNameIn(ReviewDecisions.VALUE_SCORE, ReviewDecisions.PRIORITY)
			.listPage(0, MAX_ROWS)
			.forEach((variable) -> figures.computeIfAbsent(variable.getProcessInstanceId(), (key) -> new HashMap<>())
				.put(variable.getName(), variable.getValue()));
		return figures;
	}

	/** The model of a lifecycle process, for the page's diagram. */
	public String diagram(String processKey) {
		return this.application.call(() -> {
			ProcessDefinition definition = latest(processKey);
			try (var xml = this.repositoryService.getProcessModel(definition.getId())) {
				return new String(xml.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
	}

	/** The open tasks of the services' processes and who holds them, by service code; call as the application. */
	Map<String, List<PortfolioOverview.OpenTask>> openTasksOf(List<String> codes, Instant now) {
		Map<String, List<PortfolioOverview.OpenTask>> byCode = new HashMap<>();
		if (codes.isEmpty()) {
			return byCode;
		}
		List<Task> tasks = this.taskService.createTaskQuery()
			.processInstanceBusinessKeyIn(codes.toArray(String[]::new))
			.orderByTaskCreateTime()
			.asc()
			.listPage(0, MAX_ROWS);
		Map<String, String> codeByInstance = new HashMap<>();
		if (!tasks.isEmpty()) {
			this.runtimeService.createProcessInstanceQuery()
				.processInstanceIds(tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
				.listPage(0, MAX_ROWS)
				.forEach((instance) -> codeByInstance.put(instance.getId(), instance.getBusinessKey()));
		}
		Map<String, List<String>> groupsByTask = candidateGroupsOf(tasks);
		for (Task task : tasks) {
			List<String> groups = groupsByTask.getOrDefault(task.getId(), List.of());
			Instant due = (task.getDueDate() != null) ? task.getDueDate().toInstant() : null;
			byCode.computeIfAbsent(codeByInstance.get(task.getProcessInstanceId()), (key) -> new ArrayList<>())
				.add(new PortfolioOverview.OpenTask(task.getName(), task.getTaskDefinitionKey(), task.getAssignee(),
						groups, task.getCreateTime().toInstant(), due, due != null && due.isBefore(now)));
		}
		return byCode;
	}

	/**
	 * The candidate groups of the tasks by task id, in one query per 500 tasks: the engine's API reads them task by
	 * task, a query each.
	 */
	private Map<String, List<String>> candidateGroupsOf(List<Task> tasks) {
		Map<String, List<String>> groups = new HashMap<>();
		List<String> ids = tasks.stream().map(Task::getId).toList();
		for (int i = 0; i < ids.size(); i += 500) {
			List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
			this.jdbc.query("select TASK_ID_, GROUP_ID_ from " + this.identityLinkTable + " where TYPE_ = ? "
					+ "and GROUP_ID_ is not null and TASK_ID_ in (" + String.join(",", Collections.nCopies(chunk.size(), "?"))
					+ ")", (row) -> {
						groups.computeIfAbsent(row.getString(1), (key) -> new ArrayList<>()).add(row.getString(2));
					}, Stream.concat(Stream.of(IdentityLinkType.CANDIDATE), chunk.stream()).toArray());
		}
		return groups;
	}

	/** Lifecycles waiting at each step, summed over all deployed versions of each model. */
	private Map<String, List<PortfolioOverview.StepCount>> waitingPerStep() {
		Map<String, List<PortfolioOverview.StepCount>> waiting = new LinkedHashMap<>();
		for (String key : List.of(ServiceLifecycleProcess.KEY, ServiceLifecycleProcess.TRANSFORM_KEY,
				ServiceLifecycleProcess.RETIREMENT_KEY)) {
			Map<String, Integer> counts = new LinkedHashMap<>();
			for (ProcessDefinition definition : this.repositoryService.createProcessDefinitionQuery()
				.processDefinitionKey(key)
				.listPage(0, MAX_ROWS)) {
				for (ActivityStatistics statistics : this.managementService
					.createActivityStatisticsQuery(definition.getId())
					.listPage(0, MAX_ROWS)) {
					counts.merge(statistics.getId(), statistics.getInstances(), Integer::sum);
				}
			}
			waiting.put(key, counts.entrySet()
				.stream()
				.map((entry) -> new PortfolioOverview.StepCount(entry.getKey(), entry.getValue()))
				.toList());
		}
		return waiting;
	}

	private ProcessDefinition latest(String processKey) {
		if (!ServiceLifecycleProcess.KEYS.contains(processKey)) {
			throw new org.pmo.servicelifecycle.web.InvalidInputException("processKey",
					"not a lifecycle model: '" + processKey + "'");
		}
		return this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
	}

}
