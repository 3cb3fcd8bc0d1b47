package org.pmo.servicelifecycle.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.lifecycle.ModelStages;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Transform;

/**
 * The approvals every path of a lifecycle model must pass: no stage after an approval, and no step it guards, may be
 * reached from the model's start without it. A model that keeps its approval tasks but routes around them (or puts a
 * later stage on an earlier step) is refused. Reachability is over-approximated (a subprocess leads to what follows
 * it as soon as it is entered, an event subprocess or boundary event as soon as its scope or activity is), so a
 * bypass is never missed.
 */
final class ApprovalGates {

	/** An approval, and the stages and steps that may only follow it. */
	record Gate(String processKey, String approval, Set<Stage> stages, Set<String> steps) {
	}

	static final List<Gate> GATES = List.of(
			new Gate(ServiceLifecycleProcess.KEY, Lifecycle.TASK_JUSTIFY_SERVICE,
					Set.of(Stage.PILOT, Stage.IMPLEMENTATION, Stage.OPERATION, Stage.TRANSFORM, Stage.RETIREMENT,
							Stage.RETIRED),
					Set.of()),
			new Gate(ServiceLifecycleProcess.KEY, Lifecycle.TASK_APPROVE_GO_LIVE,
					Set.of(Stage.OPERATION, Stage.TRANSFORM, Stage.RETIREMENT, Stage.RETIRED), Set.of()),
			new Gate(ServiceLifecycleProcess.KEY, Lifecycle.CALL_RETIRE_SERVICE, Set.of(Stage.RETIRED), Set.of()),
			new Gate(ServiceLifecycleProcess.TRANSFORM_KEY, Transform.TASK_JUSTIFY_TRANSFORMATION, Set.of(),
					Set.of(Transform.TASK_APPROVE_GO_LIVE, Transform.TASK_RELEASE_NEW_VERSION)),
			new Gate(ServiceLifecycleProcess.TRANSFORM_KEY, Transform.TASK_APPROVE_GO_LIVE, Set.of(),
					Set.of(Transform.TASK_RELEASE_NEW_VERSION)),
			new Gate(ServiceLifecycleProcess.RETIREMENT_KEY, Retirement.TASK_APPROVE_RETIREMENT, Set.of(),
					Set.of(Retirement.TASK_NOTIFY_CUSTOMERS, Retirement.TASK_DECOMMISSION_SERVICE)));

	private ApprovalGates() {
	}

	/** The bypasses of the model's gates, in words; empty when every guarded step lies behind its approval. */
	static List<String> bypasses(BpmnModelInstance model) {
		Map<String, Stage> stages = stagesOf(model);
		return model.getModelElementsByType(Process.class)
			.stream()
			.flatMap((process) -> GATES.stream()
				.filter((gate) -> gate.processKey().equals(process.getId()))
				.flatMap((gate) -> reachableWithout(process, gate.approval())
					.stream()
					.filter((id) -> gate.steps().contains(id)
							|| (stages.containsKey(id) && gate.stages().contains(stages.get(id))))
					.sorted()
					.map((id) -> "'" + id + "'" + (stages.containsKey(id) ? " (stage " + stages.get(id) + ")" : "")
							+ " can be reached without passing '" + gate.approval() + "'")))
			.toList();
	}

	private static Map<String, Stage> stagesOf(BpmnModelInstance model) {
		try {
			return ModelStages.of(model);
		}
		catch (RuntimeException ex) {
			// an unknown stage is told by the stage check
			return Map.of();
		}
	}

	/** Every element reached from the process's start when the approval is taken out. */
	private static Set<String> reachableWithout(Process process, String approval) {
		Set<String> reached = new HashSet<>();
		Deque<ModelElementInstance> next = new ArrayDeque<>();
		starts(process.getFlowElements()).forEach(next::add);
		// the process itself may carry the first stage
		reached.add(process.getId());
		while (!next.isEmpty()) {
			ModelElementInstance element = next.poll();
			if (!(element instanceof FlowNode node) || approval.equals(node.getId()) || !reached.add(node.getId())) {
				continue;
			}
			node.getOutgoing().stream().map(SequenceFlow::getTarget).forEach(next::add);
			if (node instanceof SubProcess subProcess) {
				starts(subProcess.getFlowElements()).forEach(next::add);
			}
			node.getModelInstance()
				.getModelElementsByType(BoundaryEvent.class)
				.stream()
				.filter((boundary) -> boundary.getAttachedTo() != null && boundary.getAttachedTo().getId().equals(node.getId()))
				.forEach(next::add);
		}
		return reached;
	}

	/** The start events of a scope, its event subprocesses' included: each may begin there. */
	private static List<FlowNode> starts(Collection<FlowElement> elements) {
		List<FlowNode> starts = new ArrayList<>();
		for (FlowElement element : elements) {
			if (element instanceof StartEvent start) {
				starts.add(start);
			}
			else if (element instanceof SubProcess subProcess && subProcess.triggeredByEvent()) {
				starts.addAll(starts(subProcess.getFlowElements()));
			}
		}
		return starts;
	}

}
