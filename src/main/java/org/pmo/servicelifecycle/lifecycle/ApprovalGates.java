package org.pmo.servicelifecycle.lifecycle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Transform;

/**
 * The approvals every path of a lifecycle model must pass: no stage after an approval, no step it guards, no call of
 * what it guards and no delegate it guards may be reached from the model's start without completing it. A model that
 * keeps its approval tasks but routes around them (a flow, a boundary event of the approval itself, a later stage on
 * an earlier step) is refused, and a migration that would put an instance behind an approval it has not passed is
 * too. Reachability is over-approximated (a subprocess leads to what follows it as soon as it is entered, an event
 * subprocess or boundary event as soon as its scope or activity is), so a bypass is never missed.
 */
public final class ApprovalGates {

	/** An approval, and the stages, steps, called processes and delegate expressions that may only follow it. */
	public record Gate(String processKey, String approval, Set<Stage> stages, Set<String> steps, Set<String> calls,
			Set<String> delegates) {
	}

	private static final Set<Stage> AFTER_JUSTIFICATION = Set.of(Stage.PILOT, Stage.IMPLEMENTATION, Stage.OPERATION,
			Stage.TRANSFORM, Stage.RETIREMENT, Stage.RETIRED);

	private static final Set<Stage> AFTER_GO_LIVE = Set.of(Stage.OPERATION, Stage.TRANSFORM, Stage.RETIREMENT,
			Stage.RETIRED);

	private static final Set<String> LATER_MODELS = Set.of(ServiceLifecycleProcess.TRANSFORM_KEY,
			ServiceLifecycleProcess.RETIREMENT_KEY);

	/** The delegates that change a live service or tell its customers. */
	private static final Set<String> EFFECTS = Set.of("${releaseServiceVersion}", "${decommissionService}",
			"${notifyServiceCustomers}");

	public static final List<Gate> GATES = List.of(
			new Gate(ServiceLifecycleProcess.KEY, Lifecycle.TASK_JUSTIFY_SERVICE, AFTER_JUSTIFICATION, Set.of(),
					LATER_MODELS, EFFECTS),
			new Gate(ServiceLifecycleProcess.KEY, Lifecycle.TASK_APPROVE_GO_LIVE, AFTER_GO_LIVE, Set.of(), LATER_MODELS,
					Set.of("${releaseServiceVersion}", "${decommissionService}")),
			new Gate(ServiceLifecycleProcess.KEY, Lifecycle.CALL_RETIRE_SERVICE, Set.of(Stage.RETIRED), Set.of(),
					Set.of(), Set.of("${decommissionService}", "${notifyServiceCustomers}")),
			new Gate(ServiceLifecycleProcess.TRANSFORM_KEY, Transform.TASK_JUSTIFY_TRANSFORMATION, Set.of(),
					Set.of(Transform.TASK_APPROVE_GO_LIVE, Transform.TASK_RELEASE_NEW_VERSION), Set.of(),
					Set.of("${releaseServiceVersion}")),
			new Gate(ServiceLifecycleProcess.TRANSFORM_KEY, Transform.TASK_APPROVE_GO_LIVE, Set.of(),
					Set.of(Transform.TASK_RELEASE_NEW_VERSION), Set.of(), Set.of("${releaseServiceVersion}")),
			new Gate(ServiceLifecycleProcess.RETIREMENT_KEY, Retirement.TASK_APPROVE_RETIREMENT, Set.of(),
					Set.of(Retirement.TASK_NOTIFY_CUSTOMERS, Retirement.TASK_DECOMMISSION_SERVICE), Set.of(),
					Set.of("${decommissionService}", "${notifyServiceCustomers}")));

	private ApprovalGates() {
	}

	/** The bypasses of the model's gates, in words; empty when everything guarded lies behind its approval. */
	public static List<String> bypasses(BpmnModelInstance model) {
		Map<String, Stage> stages = stagesOf(model);
		List<String> bypasses = new ArrayList<>();
		for (Process process : model.getModelElementsByType(Process.class)) {
			for (Gate gate : gatesOf(process.getId())) {
				for (String id : new TreeSet<>(reachableWithout(process, gate.approval()))) {
					if (guards(gate, model, id, stages)) {
						bypasses.add("'" + id + "'" + (stages.containsKey(id) ? " (stage " + stages.get(id) + ")" : "")
								+ " can be reached without passing '" + gate.approval() + "'");
					}
				}
			}
		}
		return bypasses;
	}

	/** The approvals an instance waiting at the activity has passed, by the model: those that guard the activity. */
	public static Set<String> passedBefore(BpmnModelInstance model, String processKey, String activityId) {
		Process process = model.getModelElementById(processKey) instanceof Process found ? found : null;
		Set<String> passed = new HashSet<>();
		if (process == null) {
			return passed;
		}
		for (Gate gate : gatesOf(processKey)) {
			if (!reachableWithout(process, gate.approval()).contains(activityId)) {
				passed.add(gate.approval());
			}
		}
		return passed;
	}

	private static List<Gate> gatesOf(String processKey) {
		return GATES.stream().filter((gate) -> gate.processKey().equals(processKey)).toList();
	}

	private static boolean guards(Gate gate, BpmnModelInstance model, String id, Map<String, Stage> stages) {
		if (gate.steps().contains(id) || (stages.containsKey(id) && gate.stages().contains(stages.get(id)))) {
			return true;
		}
		ModelElementInstance element = model.getModelElementById(id);
		if (element instanceof CallActivity call && call.getCalledElement() != null
				&& gate.calls().contains(call.getCalledElement())) {
			return true;
		}
		if (element instanceof FlowNode node) {
			for (String attribute : List.of("delegateExpression", "expression")) {
				String delegate = node.getAttributeValueNs(CAMUNDA, attribute);
				if (delegate != null && gate.delegates().contains(delegate.strip())) {
					return true;
				}
			}
		}
		return false;
	}

	private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	private static Map<String, Stage> stagesOf(BpmnModelInstance model) {
		try {
			return ModelStages.of(model);
		}
		catch (RuntimeException ex) {
			// an unknown stage is told by the stage check
			return Map.of();
		}
	}

	/**
	 * Every element reached from the process's start without completing the approval: its own boundary events fire
	 * while it is still open, so what they lead to counts as not approved.
	 */
	private static Set<String> reachableWithout(Process process, String approval) {
		// the flows as the engine reads them, by their source and target (not the optional incoming/outgoing lists)
		Map<String, List<FlowNode>> targets = new HashMap<>();
		for (SequenceFlow flow : process.getModelInstance().getModelElementsByType(SequenceFlow.class)) {
			if (flow.getSource() != null && flow.getTarget() != null) {
				targets.computeIfAbsent(flow.getSource().getId(), (id) -> new ArrayList<>()).add(flow.getTarget());
			}
		}
		Set<String> reached = new HashSet<>();
		Deque<ModelElementInstance> next = new ArrayDeque<>(starts(process.getFlowElements()));
		// the process itself may carry the first stage
		reached.add(process.getId());
		while (!next.isEmpty()) {
			ModelElementInstance element = next.poll();
			if (!(element instanceof FlowNode node) || !reached.add(node.getId())) {
				continue;
			}
			node.getModelInstance()
				.getModelElementsByType(BoundaryEvent.class)
				.stream()
				.filter((boundary) -> boundary.getAttachedTo() != null && boundary.getAttachedTo().getId().equals(node.getId()))
				.forEach(next::add);
			if (approval.equals(node.getId())) {
				// reached, not completed: its outgoing flows follow the approval
				reached.remove(node.getId());
				continue;
			}
			next.addAll(targets.getOrDefault(node.getId(), List.of()));
			if (node instanceof SubProcess subProcess) {
				next.addAll(starts(subProcess.getFlowElements()));
			}
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
