package org.pmo.servicelifecycle.lifecycle;

import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.DECISION;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.DECISION_COMMENT;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.PER_TASK_CHOICES;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.REVIEW_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.pmo.servicelifecycle.catalog.HistoryDetails;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Listens to every user task of the lifecycle models: a new task starts with no earlier choice filled in, and a
 * completed task goes into the service's history with who decided what.
 */
@Component
public class TaskAudit {

	private final ServiceCatalog catalog;

	private final ApplicationAuthority application;

	// the engine's parse listeners are wired before the catalog exists
	TaskAudit(@Lazy ServiceCatalog catalog, @Lazy ApplicationAuthority application) {
		this.catalog = catalog;
		this.application = application;
	}

	public final TaskListener clearEarlierChoices = (task) -> PER_TASK_CHOICES.forEach(task.getExecution()::removeVariable);

	public final TaskListener recordCompletion = this::recordCompletion;

	private void recordCompletion(DelegateTask task) {
		String code = task.getExecution().getProcessBusinessKey();
		if (code == null) {
			return;
		}
		Object decision = task.getVariable(DECISION);
		if (decision == null) {
			decision = task.getVariable(REVIEW_OUTCOME);
		}
		Object comment = task.getVariable(DECISION_COMMENT);
		this.catalog.record(code, HistoryKind.TASK_COMPLETED,
				new HistoryDetails(task.getName(), (decision != null) ? decision.toString() : null, actorOf(task),
						(comment != null) ? comment.toString() : null));
	}

	private String actorOf(DelegateTask task) {
		String user = this.application.currentUserId();
		return (user != null) ? user : task.getAssignee();
	}

}
