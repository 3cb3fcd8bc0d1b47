package org.pmo.servicelifecycle.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;

/** Which approvals an instance has passed where it waits, by the model, and the bypasses of a model. */
class ApprovalGatesTests {

	private static BpmnModelInstance lifecycle() {
		return Bpmn.readModelFromFile(new File("bpmn/pmo-service-lifecycle.bpmn"));
	}

	@Test
	void shouldTellTheApprovalsPassedBeforeEachStep() {
		BpmnModelInstance model = lifecycle();
		assertThat(ApprovalGates.passedBefore(model, ServiceLifecycleProcess.KEY, Lifecycle.TASK_EVALUATE_NEED)).isEmpty();
		assertThat(ApprovalGates.passedBefore(model, ServiceLifecycleProcess.KEY, Lifecycle.TASK_REVIEW_PILOT))
			.containsExactly(Lifecycle.TASK_JUSTIFY_SERVICE);
		assertThat(ApprovalGates.passedBefore(model, ServiceLifecycleProcess.KEY, Lifecycle.TASK_OPERATE_SERVICE))
			.containsExactlyInAnyOrder(Lifecycle.TASK_JUSTIFY_SERVICE, Lifecycle.TASK_APPROVE_GO_LIVE);
		assertThat(ApprovalGates.bypasses(model)).as("the shipped model").isEmpty();
	}

	@Test
	void shouldFindAFlowAroundTheGoLiveApproval() {
		BpmnModelInstance model = lifecycle();
		SequenceFlow pilotApproved = model.getModelElementsByType(SequenceFlow.class)
			.stream()
			.filter((flow) -> flow.getTarget().getId().equals(Lifecycle.TASK_APPROVE_GO_LIVE))
			.findFirst()
			.orElseThrow();
		pilotApproved.setTarget(model.getModelElementById(Lifecycle.SUBPROCESS_OPERATE_SERVICE));

		assertThat(ApprovalGates.bypasses(model)).anySatisfy((bypass) -> assertThat(bypass)
			.contains("'" + Lifecycle.SUBPROCESS_OPERATE_SERVICE + "' (stage OPERATION)", Lifecycle.TASK_APPROVE_GO_LIVE));
		assertThat(ApprovalGates.passedBefore(model, ServiceLifecycleProcess.KEY, Lifecycle.TASK_OPERATE_SERVICE))
			.containsExactly(Lifecycle.TASK_JUSTIFY_SERVICE);
	}

}
