package org.pmo.servicelifecycle.lifecycle;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.pmo.servicelifecycle.catalog.HistoryDetails;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.springframework.stereotype.Component;

/**
 * An approval ran over its due date: the escalation group (PMO managers) becomes a candidate of the open task, its
 * priority goes up, and the service's history says so. The task stays open for the approvers. The models call it
 * after a non-interrupting timer on the approval: {@code camunda:delegateExpression="${escalateApproval}"}.
 */
@Component("escalateApproval")
class EscalateApproval implements JavaDelegate {

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final TaskService taskService;

	private final ServiceCatalog catalog;

	private final ApprovalSettings settings;

	EscalateApproval(TaskService taskService, ServiceCatalog catalog, ApprovalSettings settings) {
		this.taskService = taskService;
		this.catalog = catalog;
		this.settings = settings;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String approval = overdueApprovalOf(execution);
		for (Task task : this.taskService.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(approval)
			.list()) {
			this.taskService.addCandidateGroup(task.getId(), this.settings.escalateTo());
			if (task.getPriority() < this.settings.escalatedPriority()) {
				this.taskService.setPriority(task.getId(), this.settings.escalatedPriority());
			}
			String due = (task.getDueDate() != null) ? " since " + DUE.format(task.getDueDate().toInstant()) : "";
			if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
				// an approval about no one service (the portfolio review): the task itself shows it
				continue;
			}
			this.catalog.record(execution.getProcessBusinessKey(), HistoryKind.ESCALATED,
					new HistoryDetails(task.getName(), null, null, "Overdue" + due + ": " + this.settings.escalateTo()
							+ " added as candidates, priority " + Math.max(task.getPriority(),
									this.settings.escalatedPriority())));
		}
	}

	/** The user task whose timer led here: the step before this one is a timer attached to it. */
	private static String overdueApprovalOf(DelegateExecution execution) {
		FlowNode escalation = (FlowNode) execution.getBpmnModelElementInstance();
		for (SequenceFlow incoming : escalation.getIncoming()) {
			if (incoming.getSource() instanceof BoundaryEvent timer) {
				return timer.getAttachedTo().getId();
			}
		}
		throw new IllegalStateException(escalation.getId() + " must follow a timer attached to an approval task");
	}

}
