package org.pmo.servicelifecycle.security;

import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.DESIGNED_BY;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.DESIGNERS;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.RETIREMENT_PLANNED_BY;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.RETIREMENT_PLANNERS;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Transform;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The four-eyes principle of the lifecycle, enforced by the engine on every approval task when it is assigned
 * (claimed) and when it is completed, so it holds in Tasklist, over REST and through the Java API alike:
 * <ul>
 * <li>who raised the service request, or completed the (re)design, may not approve its business case or go-live;</li>
 * <li>who planned a retirement may not approve it.</li>
 * </ul>
 * Who designed and who planned is recorded by the engine when those tasks complete ({@code designedBy},
 * {@code retirementPlannedBy}); who requested comes from the catalog.
 */
@Component
public class FourEyesPrinciple {

	/** Tasks whose completer is remembered, and the variable that remembers him. */
	static final Map<String, String> RECORDED = Map.of(Lifecycle.TASK_DESIGN_SERVICE, DESIGNED_BY,
			Transform.TASK_REDESIGN_SERVICE, DESIGNED_BY, Retirement.TASK_PLAN_RETIREMENT, RETIREMENT_PLANNED_BY);

	/** For each latest actor, the variable that remembers everybody who acted so, in every round. */
	static final Map<String, String> EVERYBODY_WHO = Map.of(DESIGNED_BY, DESIGNERS, RETIREMENT_PLANNED_BY,
			RETIREMENT_PLANNERS);

	/** Approvals the requester and the designer may not give. */
	static final Set<String> DESIGN_APPROVALS = Set.of(Lifecycle.TASK_JUSTIFY_SERVICE, Lifecycle.TASK_APPROVE_GO_LIVE,
			Transform.TASK_JUSTIFY_TRANSFORMATION, Transform.TASK_APPROVE_GO_LIVE);

	/** Approvals the retirement planner may not give. */
	static final Set<String> RETIREMENT_APPROVALS = Set.of(Retirement.TASK_APPROVE_RETIREMENT);

	private final ServiceCatalog catalog;

	private final ApplicationAuthority application;

	// the engine's parse listeners are wired before the catalog exists
	FourEyesPrinciple(@Lazy ServiceCatalog catalog, @Lazy ApplicationAuthority application) {
		this.catalog = catalog;
		this.application = application;
	}

	/** Refuses to give an approval task to someone the principle excludes. */
	public final TaskListener onAssignment = (task) -> check(task, task.getAssignee());

	/** Refuses a completion by someone the principle excludes; remembers who designed or planned. */
	public final TaskListener onCompletion = (task) -> {
		String actor = actorOf(task);
		check(task, actor);
		String variable = RECORDED.get(task.getTaskDefinitionKey());
		if (variable != null && actor != null) {
			task.getExecution().setVariable(variable, actor);
			String everybody = EVERYBODY_WHO.get(variable);
			Set<String> people = peopleIn(task, everybody);
			if (people.add(actor)) {
				task.getExecution().setVariable(everybody, String.join(",", people));
			}
		}
	};

	/**
	 * The tasks of each lifecycle model the principle is tied to, by id: a model that renames or drops one would slip
	 * out of it, so a deployment without them is refused.
	 */
	public static final Map<String, Set<String>> TASKS_BY_MODEL = Map.of(ServiceLifecycleProcess.KEY,
			Set.of(Lifecycle.TASK_DESIGN_SERVICE, Lifecycle.TASK_JUSTIFY_SERVICE, Lifecycle.TASK_APPROVE_GO_LIVE),
			ServiceLifecycleProcess.TRANSFORM_KEY,
			Set.of(Transform.TASK_REDESIGN_SERVICE, Transform.TASK_JUSTIFY_TRANSFORMATION, Transform.TASK_APPROVE_GO_LIVE),
			ServiceLifecycleProcess.RETIREMENT_KEY,
			Set.of(Retirement.TASK_PLAN_RETIREMENT, Retirement.TASK_APPROVE_RETIREMENT));

	public static boolean applies(String taskDefinitionKey) {
		return RECORDED.containsKey(taskDefinitionKey) || DESIGN_APPROVALS.contains(taskDefinitionKey)
				|| RETIREMENT_APPROVALS.contains(taskDefinitionKey);
	}

	/** Refuses when the principle excludes the person from the task; other tasks pass. */
	public void check(DelegateTask task, String person) {
		if (person == null) {
			return;
		}
		String key = task.getTaskDefinitionKey();
		String code = task.getExecution().getProcessBusinessKey();
		if (DESIGN_APPROVALS.contains(key)) {
			if (code != null && person.equals(this.catalog.find(code).getRequestedBy())) {
				throw new FourEyesViolationException("Four-eyes principle: " + person + " raised the request for " + code
						+ " and may not approve its business case or go-live ('" + task.getName() + "')");
			}
			if (person.equals(task.getVariable(DESIGNED_BY)) || peopleIn(task, DESIGNERS).contains(person)) {
				throw new FourEyesViolationException("Four-eyes principle: " + person + " completed a design of "
						+ code + " and may not approve its business case or go-live ('" + task.getName() + "')");
			}
		}
		if (RETIREMENT_APPROVALS.contains(key) && (person.equals(task.getVariable(RETIREMENT_PLANNED_BY))
				|| peopleIn(task, RETIREMENT_PLANNERS).contains(person))) {
			throw new FourEyesViolationException("Four-eyes principle: " + person + " planned the retirement of "
					+ code + " and may not approve it ('" + task.getName() + "')");
		}
	}

	/** Everybody a list variable names so far, in the order they acted. */
	private static Set<String> peopleIn(DelegateTask task, String listVariable) {
		Object recorded = task.getVariable(listVariable);
		Set<String> designers = new LinkedHashSet<>();
		if (recorded instanceof String list && !list.isBlank()) {
			designers.addAll(Arrays.asList(list.split(",")));
		}
		return designers;
	}

	private String actorOf(DelegateTask task) {
		String user = this.application.currentUserId();
		return (user != null) ? user : task.getAssignee();
	}

}
