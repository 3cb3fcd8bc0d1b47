package org.pmo.servicelifecycle.engine;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Who may see and work on a task: its candidates (a member of a candidate group, a candidate user), its assignee and
 * its owner; administrators see everything.
 * <p>
 * Camunda would enforce this with one authorization row per task and candidate group. Every authorized task query
 * then joins the open tasks with all of a group's task rows, which grows with the square of the open tasks (seconds
 * for a Tasklist inbox at a few thousand). Here the groups hold task rights on the lifecycle definitions instead
 * ({@code security/AccessRights}), and the candidate rule decides:
 * <ul>
 * <li>every task query of a user gets the condition "a candidate group of mine, or involving me" (Tasklist's filters,
 * {@code /engine-rest/task}, counts) in place of the authorization join: it admits exactly the tasks Camunda's rows
 * per task and candidate would admit;</li>
 * <li>every check the engine makes on one task (read, variables, forms, claim, complete, delegate) refuses a user who
 * is not a candidate, the assignee or the owner; reading and working on a task need nothing more.</li>
 * </ul>
 * Per-user rows (assignee, owner, candidate user) stay as Camunda makes them: there are few of them per user.
 */
final class CandidateTaskAccess {

	private CandidateTaskAccess() {
	}

	/** May this person see and work on the task? */
	static boolean isCandidate(TaskEntity task, String userId, List<String> groupIds) {
		if (userId.equals(task.getAssignee()) || userId.equals(task.getOwner())) {
			return true;
		}
		for (IdentityLinkEntity link : task.getIdentityLinks()) {
			if (userId.equals(link.getUserId())) {
				return true;
			}
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null && groupIds != null
					&& groupIds.contains(link.getGroupId())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Camunda's authorization checker with the candidate rule built in: reading a task and working on it (claim,
	 * complete) are decided by the rule alone, as the rows per task and candidate would have decided them, which spares
	 * an authorization query on every claim and completion; for the other checks on a task (its variables, assigning,
	 * deleting) the rule must hold and Camunda's own check runs as well. Checks on anything else are Camunda's.
	 */
	static final class CandidateAwareChecker extends AuthorizationCommandChecker {

		@Override
		public void checkReadTask(TaskEntity task) {
			if (!checkRule(task, true)) {
				super.checkReadTask(task);
			}
		}

		@Override
		public void checkTaskWork(TaskEntity task) {
			if (!checkRule(task, false)) {
				super.checkTaskWork(task);
			}
		}

		@Override
		public void checkReadTaskVariable(TaskEntity task) {
			checkRule(task, true);
			super.checkReadTaskVariable(task);
		}

		@Override
		public void checkUpdateTaskVariable(TaskEntity task) {
			checkRule(task, false);
			super.checkUpdateTaskVariable(task);
		}

		@Override
		public void checkTaskAssign(TaskEntity task) {
			checkRule(task, false);
			super.checkTaskAssign(task);
		}

		@Override
		public void checkDeleteTask(TaskEntity task) {
			checkRule(task, false);
			super.checkDeleteTask(task);
		}

	}

	/** Applies the rule when it applies (a user's check on a task of a process); tells whether it did. */
	private static boolean checkRule(TaskEntity task, boolean reading) {
		CommandContext context = Context.getCommandContext();
		Authentication user = (context != null
				&& context.getAuthorizationManager() instanceof CandidateAwareAuthorizationManager authorizations)
						? authorizations.ruledUser() : null;
		if (user == null || task.getProcessDefinitionId() == null) {
			return false;
		}
		if (!isCandidate(task, user.getUserId(), user.getGroupIds())) {
			// the task was read before a concurrent completion removed it with its candidates: a race, not a refusal
			if (!stillOpen(context, task.getId())) {
				throw new OptimisticLockingException("Task " + task.getId() + " was completed or changed at the same moment");
			}
			throw new AuthorizationException(user.getUserId(),
					(reading ? Permissions.READ : Permissions.TASK_WORK).getName(), Resources.TASK.resourceName(),
					task.getId());
		}
		return true;
	}

	private static boolean stillOpen(CommandContext context, String taskId) {
		TaskQueryImpl query = new TaskQueryImpl();
		query.taskId(taskId);
		return context.runWithoutAuthorization(() -> context.getTaskManager().findTaskCountByQueryCriteria(query)) > 0;
	}

	static final class CandidateAwareAuthorizationManager extends AuthorizationManager {

		/**
		 * The user the rule applies to now, for queries and single tasks alike: authenticated, with the engine checking
		 * authorizations, and not an administrator (administrators see every task through their grants on every
		 * resource, as Camunda has it); otherwise null.
		 */
		Authentication ruledUser() {
			Authentication authentication = getCurrentAuthentication();
			return (isAuthCheckExecuted() && !isCamundaAdmin(authentication)) ? authentication : null;
		}

		// within a filter's page, read once for its commands (RequestReads)
		@Override
		protected Set<String> getAllGroups() {
			return RequestReads.authorizedGroups(super::getAllGroups);
		}

		@Override
		protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
			return RequestReads.revokesApply(userId, groupIds, () -> super.isRevokeAuthCheckEnabled(userId, groupIds));
		}

		@Override
		public void configureTaskQuery(TaskQueryImpl query) {
			super.configureTaskQuery(query);
			Authentication user = ruledUser();
			if (user != null) {
				CandidateRestriction.addTo(query, user.getUserId(), user.getGroupIds());
				// the candidate rule is the check: it admits what Camunda's rows per task and candidate would admit,
				// and it spares the join with the authorization table, whose OR condition PostgreSQL cannot hash
				query.getAuthCheck().setAuthorizationCheckEnabled(false);
			}
		}

	}

	/**
	 * The condition as an "or" part of the query (Camunda ANDs it with the query and its other "or" parts):
	 * a candidate group of the user, assigned or not, or the user as candidate, assignee or owner.
	 */
	static final class CandidateRestriction extends TaskQueryImpl {

		static void addTo(TaskQueryImpl query, String userId, List<String> groupIds) {
			List<TaskQueryImpl> parts = query.getQueries();
			if (parts.stream().anyMatch(CandidateRestriction.class::isInstance)) {
				return;
			}
			CandidateRestriction restriction = new CandidateRestriction();
			restriction.isOrQueryActive = true;
			restriction.queries = parts;
			if (groupIds != null && !groupIds.isEmpty()) {
				restriction.taskCandidateGroupIn(groupIds).includeAssignedTasks();
			}
			restriction.taskInvolvedUser(userId);
			parts.add(restriction);
		}

	}

	/**
	 * No authorization row per task and candidate group: the group's task rights come from the lifecycle definitions,
	 * the candidate rule from this class. Rows for single users are kept.
	 */
	static final class NoTaskRowsPerGroup extends DefaultAuthorizationProvider {

		@Override
		public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
			return new AuthorizationEntity[0];
		}

		@Override
		public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
			return new AuthorizationEntity[0];
		}

	}

}
