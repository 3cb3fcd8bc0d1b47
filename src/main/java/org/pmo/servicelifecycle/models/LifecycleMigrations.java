package org.pmo.servicelifecycle.models;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.lifecycle.ApprovalGates;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.operations.LifecycleConsistency;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.pmo.servicelifecycle.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product's models and their versions, and the migration of running instances from one version to another: a
 * dry run shows the engine's generated plan (equal activities mapped, timers and tasks keeping their state) with its
 * validation and what each instance would do; a migration runs as an engine batch, and its report tells per instance
 * where it is, with the catalog's consistency check once the batch is done. The engine work runs as the
 * application: the API has admitted the process owner.
 */
@Service
public class LifecycleMigrations {

	/** The models a process owner deploys and migrates. */
	static final List<String> KEYS = List.of(ServiceLifecycleProcess.KEY, ServiceLifecycleProcess.TRANSFORM_KEY,
			ServiceLifecycleProcess.RETIREMENT_KEY);

	private final RepositoryService repositoryService;

	private final RuntimeService runtimeService;

	private final ManagementService managementService;

	private final HistoryService historyService;

	private final LifecycleConsistency consistency;

	private final ApplicationAuthority application;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	LifecycleMigrations(RepositoryService repositoryService, RuntimeService runtimeService,
			ManagementService managementService, HistoryService historyService, LifecycleConsistency consistency,
			ApplicationAuthority application, JdbcTemplate jdbc, Clock clock) {
		this.repositoryService = repositoryService;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
		this.historyService = historyService;
		this.consistency = consistency;
		this.application = application;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Each model with its versions, newest first, and how many instances run on each. */
	public List<ModelView> models() {
		return this.application.call(() -> KEYS.stream().map(this::model).toList());
	}

	private ModelView model(String key) {
		List<VersionView> versions = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.orderByProcessDefinitionVersion()
			.desc()
			.list()
			.stream()
			.map((definition) -> new VersionView(definition.getVersion(), definition.getVersionTag(), definition.getId(),
					definition.getDeploymentId(), this.runtimeService.createProcessInstanceQuery()
						.processDefinitionId(definition.getId())
						.count()))
			.toList();
		return new ModelView(key, versions);
	}

	/** What a migration would do: the plan, its validation, and each instance's steps the plan leaves unmapped. */
	public DryRun dryRun(MigrationRequest request) {
		return this.application.call(() -> plan(request).dryRun());
	}

	/** Starts the migration as an engine batch; refused (400) while the plan has problems. */
	@Transactional
	public MigrationReport migrate(MigrationRequest request, String requestedBy) {
		return this.application.call(() -> {
			Planned planned = plan(request);
			DryRun dryRun = planned.dryRun();
			if (!dryRun.valid()) {
				throw new InvalidInputException("toVersion", "the migration has problems, nothing was migrated: "
						+ String.join("; ", dryRun.problems()));
			}
			if (planned.instanceIds().isEmpty()) {
				throw new InvalidInputException("fromVersion", "no instance runs on version " + request.fromVersion());
			}
			Batch batch = this.runtimeService.newMigration(planned.plan())
				.processInstanceIds(planned.instanceIds())
				.executeAsync();
			this.jdbc.update("insert into model_migration (batch_id, process_key, from_id, to_id, requested_by, "
					+ "requested_at) values (?, ?, ?, ?, ?, ?)", batch.getId(), request.processKey(),
					planned.from().getId(), planned.to().getId(), requestedBy, Timestamp.from(this.clock.instant()));
			this.jdbc.batchUpdate("insert into model_migration_instance (batch_id, instance_id) values (?, ?)",
					planned.instanceIds().stream().map((id) -> new Object[] { batch.getId(), id }).toList());
			return report(batch.getId());
		});
	}

	/** Where the migration stands: the batch's progress, each instance, and the consistency check once done. */
	public MigrationReport report(String batchId) {
		return this.application.call(() -> {
			List<Map<String, Object>> rows = this.jdbc.queryForList(
					"select process_key, from_id, to_id, requested_by, requested_at from model_migration where batch_id = ?",
					batchId);
			if (rows.isEmpty()) {
				throw new MigrationNotFound(batchId);
			}
			Map<String, Object> row = rows.get(0);
			String fromId = (String) row.get("from_id");
			String toId = (String) row.get("to_id");
			List<String> ids = this.jdbc.queryForList(
					"select instance_id from model_migration_instance where batch_id = ? order by instance_id", String.class,
					batchId);
			BatchStatistics statistics = this.managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
			HistoricBatch historic = this.historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
			// done when every instance's job ran, or the engine has finished the batch
			boolean done = statistics == null || (historic != null && historic.getEndTime() != null)
					|| (statistics.getTotalJobs() > 0 && statistics.getCompletedJobs() == statistics.getTotalJobs()
							&& statistics.getFailedJobs() == 0);
			Map<String, String> definitionOf = new LinkedHashMap<>();
			for (List<String> chunk : chunks(ids, 500)) {
				this.runtimeService.createProcessInstanceQuery()
					.processInstanceIds(Set.copyOf(chunk))
					.list()
					.forEach((instance) -> definitionOf.put(instance.getId(), instance.getProcessDefinitionId()));
			}
			List<InstanceReport> instances = new ArrayList<>();
			for (String id : ids) {
				String definition = definitionOf.get(id);
				String state = (definition == null) ? "ENDED" : toId.equals(definition) ? "MIGRATED"
						: (done || (statistics != null && statistics.getFailedJobs() > 0)) ? "NOT_MIGRATED" : "WAITING";
				instances.add(new InstanceReport(id, state));
			}
			Progress progress = (statistics != null)
					? new Progress(statistics.getTotalJobs(), statistics.getCompletedJobs(), statistics.getRemainingJobs(),
							statistics.getFailedJobs())
					: new Progress(ids.size(), ids.size(), 0, 0);
			LifecycleConsistency.Report check = done ? this.consistency.check() : null;
			return new MigrationReport(batchId, (String) row.get("process_key"), versionOf(fromId), versionOf(toId),
					(String) row.get("requested_by"), done, progress, instances, check);
		});
	}

	private int versionOf(String definitionId) {
		ProcessDefinition definition = this.repositoryService.getProcessDefinition(definitionId);
		return definition.getVersion();
	}

	private Planned plan(MigrationRequest request) {
		if (request == null || request.processKey() == null || request.processKey().isBlank()) {
			throw new InvalidInputException("processKey", "is required, one of " + KEYS);
		}
		if (!KEYS.contains(request.processKey())) {
			throw new InvalidInputException("processKey", "must be one of " + KEYS);
		}
		if (request.fromVersion() == null) {
			throw new InvalidInputException("fromVersion", "is required");
		}
		ProcessDefinition from = version(request.processKey(), request.fromVersion(), "fromVersion");
		ProcessDefinition to = (request.toVersion() != null) ? version(request.processKey(), request.toVersion(), "toVersion")
				: this.repositoryService.createProcessDefinitionQuery()
					.processDefinitionKey(request.processKey())
					.latestVersion()
					.singleResult();
		if (from.getId().equals(to.getId())) {
			throw new InvalidInputException("toVersion", "must be another version than " + from.getVersion());
		}
		List<String> instanceIds = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionId(from.getId())
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.sorted()
			.toList();
		try {
			// equal activities keep their tasks, and timers their due dates (no updated event triggers)
			MigrationPlan plan = this.runtimeService.createMigrationPlan(from.getId(), to.getId())
				.mapEqualActivities()
				.build();
			return new Planned(from, to, plan, instanceIds, List.of());
		}
		catch (MigrationPlanValidationException ex) {
			List<String> problems = new ArrayList<>();
			for (MigrationInstructionValidationReport report : ex.getValidationReport().getInstructionReports()) {
				MigrationInstruction instruction = report.getMigrationInstruction();
				report.getFailures().forEach((failure) -> problems.add(instruction.getSourceActivityId() + " → "
						+ instruction.getTargetActivityId() + ": " + failure));
			}
			ex.getValidationReport().getVariableReports().forEach((name, report) -> report.getFailures()
				.forEach((failure) -> problems.add("variable " + name + ": " + failure)));
			return new Planned(from, to, null, instanceIds, problems);
		}
	}

	private ProcessDefinition version(String key, int version, String field) {
		ProcessDefinition definition = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.processDefinitionVersion(version)
			.singleResult();
		if (definition == null) {
			throw new InvalidInputException(field, "version " + version + " of " + key + " is not deployed");
		}
		return definition;
	}

	private static <T> List<List<T>> chunks(List<T> items, int size) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < items.size(); i += size) {
			chunks.add(items.subList(i, Math.min(items.size(), i + size)));
		}
		return chunks;
	}

	/** A plan with its two versions and the instances on the first; without a plan, the engine's problems. */
	private final class Planned {

		private final ProcessDefinition from;

		private final ProcessDefinition to;

		private final MigrationPlan plan;

		private final List<String> instanceIds;

		private final List<String> planProblems;

		Planned(ProcessDefinition from, ProcessDefinition to, MigrationPlan plan, List<String> instanceIds,
				List<String> planProblems) {
			this.from = from;
			this.to = to;
			this.plan = plan;
			this.instanceIds = instanceIds;
			this.planProblems = planProblems;
		}

		ProcessDefinition from() {
			return this.from;
		}

		ProcessDefinition to() {
			return this.to;
		}

		MigrationPlan plan() {
			return this.plan;
		}

		List<String> instanceIds() {
			return this.instanceIds;
		}

		DryRun dryRun() {
			List<InstructionView> instructions = (this.plan == null) ? List.of() : this.plan.getInstructions()
				.stream()
				.map((instruction) -> new InstructionView(instruction.getSourceActivityId(), instruction.getTargetActivityId()))
				.sorted(Comparator.comparing(InstructionView::from))
				.toList();
			Set<String> mapped = new TreeSet<>();
			instructions.forEach((instruction) -> mapped.add(instruction.from()));
			List<String> problems = new ArrayList<>(this.planProblems);
			BpmnModelInstance source = LifecycleMigrations.this.repositoryService.getBpmnModelInstance(this.from.getId());
			BpmnModelInstance target = LifecycleMigrations.this.repositoryService.getBpmnModelInstance(this.to.getId());
			// no step of the plan puts an instance behind an approval it has not passed, wherever it waits by then
			for (InstructionView instruction : instructions) {
				Set<String> needed = new TreeSet<>(ApprovalGates.passedBefore(target, this.to.getKey(), instruction.to()));
				needed.removeAll(ApprovalGates.passedBefore(source, this.from.getKey(), instruction.from()));
				if (!needed.isEmpty()) {
					problems.add(instruction.from() + " → " + instruction.to() + ": version " + this.to.getVersion()
							+ " puts it after " + needed + ", which an instance there has not passed");
				}
			}
			List<InstanceDryRun> instances = new ArrayList<>();
			for (String id : this.instanceIds) {
				List<String> waiting = LifecycleMigrations.this.runtimeService.getActiveActivityIds(id);
				List<String> unmapped = waiting.stream().filter((activity) -> !mapped.contains(activity)).sorted().toList();
				if (this.plan != null && !unmapped.isEmpty()) {
					problems.add("instance " + id + " waits at " + unmapped + ", which version " + this.to.getVersion()
							+ " does not have");
				}
				instances.add(new InstanceDryRun(id, waiting.stream().sorted().toList(), unmapped));
			}
			return new DryRun(this.from.getKey(), this.from.getVersion(), this.to.getVersion(), problems.isEmpty(),
					instructions, problems, instances);
		}

	}

	/** A migration nobody asked for here: 404. */
	static final class MigrationNotFound extends NotFoundException {

		MigrationNotFound(String batchId) {
			super("No migration " + batchId);
		}

	}

	public record MigrationRequest(String processKey, Integer fromVersion, Integer toVersion, Boolean dryRun) {

		boolean isDryRun() {
			return this.dryRun == null || this.dryRun;
		}

	}

	public record ModelView(String processKey, List<VersionView> versions) {
	}

	public record VersionView(int version, String versionTag, String definitionId, String deploymentId, long running) {
	}

	public record InstructionView(String from, String to) {
	}

	public record InstanceDryRun(String instanceId, List<String> waitingAt, List<String> unmapped) {
	}

	public record DryRun(String processKey, int fromVersion, int toVersion, boolean valid,
			List<InstructionView> instructions, List<String> problems, List<InstanceDryRun> instances) {
	}

	public record Progress(int totalJobs, int completedJobs, int remainingJobs, int failedJobs) {
	}

	public record InstanceReport(String instanceId, String state) {
	}

	public record MigrationReport(String batchId, String processKey, int fromVersion, int toVersion, String requestedBy,
			boolean done, Progress progress, List<InstanceReport> instances, LifecycleConsistency.Report consistency) {
	}

}
