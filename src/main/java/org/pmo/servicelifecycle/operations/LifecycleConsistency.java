package org.pmo.servicelifecycle.operations;


import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.lifecycle.ModelStages;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares every catalog service's stage with the state of its lifecycle instance in the engine, for operators after
 * a crash, a restore or a manual intervention in Cockpit. The process writes the stage in the same transaction as it
 * moves, so on a healthy installation there is never a mismatch.
 */
@Service
public class LifecycleConsistency {

	private static final int QUERY_CHUNK = 500;

	private final EntityManager entityManager;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final RepositoryService repositoryService;

	private final Clock clock;

	/** The stages each deployed version of the lifecycle names (its elements' {@code stage} properties). */
	private final Map<String, Map<String, Stage>> stagesOfDefinition = new ConcurrentHashMap<>();

	LifecycleConsistency(EntityManager entityManager, RuntimeService runtimeService, HistoryService historyService,
			RepositoryService repositoryService, Clock clock) {
		this.entityManager = entityManager;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.repositoryService = repositoryService;
		this.clock = clock;
	}

	/** The stage a service stands in while its lifecycle waits in or below an element, or ends at it: the model says. */
	private Map<String, Stage> stagesOf(String definitionId) {
		return this.stagesOfDefinition.computeIfAbsent(definitionId,
				(id) -> ModelStages.of(this.repositoryService.getBpmnModelInstance(id)));
	}

	/**
	 * Reads the catalog and the engine in one snapshot (REPEATABLE READ), so lifecycles that move meanwhile are not
	 * reported.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Report check() {
		Instant checkedAt = this.clock.instant();
		List<Object[]> catalog = this.entityManager
			.createQuery("select s.code, s.stage, s.lifecycleInstanceId from PmoService s order by s.code",
					Object[].class)
			.getResultList();
		Map<String, ProcessInstance> running = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ServiceLifecycleProcess.KEY)
			.list()
			.stream()
			.collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));

		List<Mismatch> mismatches = new ArrayList<>();
		Set<String> linked = new HashSet<>();
		Map<String, Object[]> notRunning = new HashMap<>();
		for (Object[] row : catalog) {
			String code = (String) row[0];
			Stage stage = (Stage) row[1];
			String instanceId = (String) row[2];
			if (instanceId == null) {
				mismatches.add(new Mismatch(code, stage, null, null, "none",
						"the service has no lifecycle instance"));
			}
			else if (running.containsKey(instanceId)) {
				linked.add(instanceId);
				checkRunning(code, stage, running.get(instanceId)).ifPresent(mismatches::add);
			}
			else {
				notRunning.put(instanceId, row);
			}
		}
		mismatches.addAll(checkEnded(notRunning));
		running.values()
			.stream()
			.filter((instance) -> !linked.contains(instance.getId()))
			.forEach((instance) -> mismatches.add(new Mismatch(instance.getBusinessKey(), null, instance.getId(), null,
					"running", "a running lifecycle that no catalog service links to")));
		mismatches.sort((a, b) -> String.valueOf(a.code()).compareTo(String.valueOf(b.code())));
		return new Report(checkedAt, catalog.size(), running.size(), mismatches.isEmpty(), mismatches);
	}

	private Optional<Mismatch> checkRunning(String code, Stage stage, ProcessInstance instance) {
		String instanceId = instance.getId();
		Map<String, Stage> stageOfActivity = stagesOf(instance.getProcessDefinitionId());
		ActivityInstance tree = this.runtimeService.getActivityInstance(instanceId);
		if (tree == null) {
			return Optional.of(new Mismatch(code, stage, instanceId, null, "missing", "the lifecycle instance is gone"));
		}
		Set<String> activities = new TreeSet<>();
		collectActivities(tree, activities);
		Set<Stage> stages = activities.stream()
			.map(stageOfActivity::get)
			.filter((found) -> found != null)
			.collect(Collectors.toSet());
		String state = "waiting at " + String.join(", ", leafActivities(tree));
		if (stages.contains(stage)) {
			return Optional.empty();
		}
		if (stages.isEmpty()) {
			return Optional.of(new Mismatch(code, stage, instanceId, null, state,
					"the lifecycle waits where no stage is known"));
		}
		Stage lifecycleStage = stages.iterator().next();
		return Optional.of(new Mismatch(code, stage, instanceId, lifecycleStage, state,
				"the catalog says " + stage + ", the lifecycle stands in " + lifecycleStage));
	}

	private List<Mismatch> checkEnded(Map<String, Object[]> notRunning) {
		List<Mismatch> mismatches = new ArrayList<>();
		List<String> ids = new ArrayList<>(notRunning.keySet());
		Map<String, HistoricProcessInstance> history = new HashMap<>();
		for (int from = 0; from < ids.size(); from += QUERY_CHUNK) {
			Set<String> chunk = new HashSet<>(ids.subList(from, Math.min(ids.size(), from + QUERY_CHUNK)));
			this.historyService.createHistoricProcessInstanceQuery()
				.processInstanceIds(chunk)
				.list()
				.forEach((instance) -> history.put(instance.getId(), instance));
		}
		notRunning.forEach((instanceId, row) -> {
			String code = (String) row[0];
			Stage stage = (Stage) row[1];
			HistoricProcessInstance ended = history.get(instanceId);
			if (ended == null) {
				// history cleanup removes ended lifecycles after their time to live; a final stage needs nothing more
				if (!stage.isFinal()) {
					mismatches.add(new Mismatch(code, stage, instanceId, null, "missing",
							"the lifecycle instance is neither running nor in the history"));
				}
				return;
			}
			Stage endStage = (ended.getEndActivityId() != null)
					? stagesOf(ended.getProcessDefinitionId()).get(ended.getEndActivityId()) : null;
			String state = "ended" + ((ended.getEndActivityId() != null) ? " at " + ended.getEndActivityId() : "") + " ("
					+ ended.getState() + ")";
			if (endStage == null) {
				mismatches.add(new Mismatch(code, stage, instanceId, null, state,
						"the lifecycle ended without reaching the end of a lifecycle"));
			}
			else if (endStage != stage) {
				mismatches.add(new Mismatch(code, stage, instanceId, endStage, state,
						"the catalog says " + stage + ", the lifecycle ended as " + endStage));
			}
		});
		return mismatches;
	}

	private static void collectActivities(ActivityInstance instance, Set<String> activities) {
		activities.add(instance.getActivityId());
		for (ActivityInstance child : instance.getChildActivityInstances()) {
			collectActivities(child, activities);
		}
	}

	private static List<String> leafActivities(ActivityInstance instance) {
		if (instance.getChildActivityInstances().length == 0) {
			return List.of(instance.getActivityId());
		}
		List<String> leaves = new ArrayList<>();
		for (ActivityInstance child : instance.getChildActivityInstances()) {
			leaves.addAll(leafActivities(child));
		}
		return leaves;
	}

	/**
	 * The result of a check.
	 *
	 * @param checkedAt when the snapshot was taken
	 * @param services how many catalog services were compared
	 * @param runningLifecycles how many lifecycle instances run
	 * @param consistent true when there is no mismatch
	 * @param mismatches each service whose stage disagrees with its lifecycle, and each lifecycle without a service
	 */
	public record Report(Instant checkedAt, int services, int runningLifecycles, boolean consistent,
			List<Mismatch> mismatches) {

	}

	/**
	 * A service whose catalog stage disagrees with its lifecycle.
	 *
	 * @param code the service code (the lifecycle's business key)
	 * @param catalogStage the stage the catalog shows, null for a lifecycle without a catalog service
	 * @param lifecycleInstanceId the lifecycle's process instance id
	 * @param lifecycleStage the stage the lifecycle's state stands for, when one is known
	 * @param lifecycleState where the lifecycle waits or how it ended
	 * @param problem the disagreement in words
	 */
	public record Mismatch(String code, Stage catalogStage, String lifecycleInstanceId, Stage lifecycleStage,
			String lifecycleState, String problem) {

	}

}
