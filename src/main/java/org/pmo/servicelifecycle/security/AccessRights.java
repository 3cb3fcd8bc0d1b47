package org.pmo.servicelifecycle.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.pmo.servicelifecycle.customer.SubscriptionProcess;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.identity.Organisation;
import org.pmo.servicelifecycle.identity.OrganisationEnsured;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.notice.NoticeProcess;
import org.pmo.servicelifecycle.strategy.PortfolioReviewProcess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The grants each group needs, and no more (the role matrix in {@code docs/security.md}). The work groups hold task
 * rights (read, work) on the lifecycle definitions; which of those tasks a user actually sees and works on is
 * narrowed to the tasks he is a candidate for by {@code engine/CandidateTaskAccess}. Granting is idempotent:
 * missing permissions are added, nothing is taken away, so an administrator's additions survive restarts.
 */
@Component
class AccessRights {

	static final String TASKLIST = "tasklist";

	static final String COCKPIT = "cockpit";

	/** Groups that may raise a service request (start a lifecycle). */
	static final List<String> REQUESTERS = List.of(Groups.SERVICE_CUSTOMERS, Groups.PMO_ANALYSTS, Groups.PMO_MANAGERS,
			Groups.PORTFOLIO_BOARD);

	private final AuthorizationService authorizationService;

	AccessRights(AuthorizationService authorizationService) {
		this.authorizationService = authorizationService;
	}

	/** Whenever the organisation's groups and filters are ensured, their grants are too (in the same call). */
	@EventListener
	void ensure(OrganisationEnsured organisation) {
		Map<String, String> filterIds = organisation.filterIds();
		// administrators: everything, as Camunda's own admin set-up grants it
		for (Resource resource : Resources.values()) {
			grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
		}

		// everybody who works with lifecycles uses Tasklist
		for (String group : REQUESTERS) {
			grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
		}

		// raising a request: the start form and starting the lifecycle
		for (String group : REQUESTERS) {
			grant(group, Resources.PROCESS_DEFINITION, ServiceLifecycleProcess.KEY, ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.CREATE_INSTANCE);
			grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
		}

		// the groups with lifecycle tasks: the models their tasks come from, their inboxes. Which service a task is about
		// comes from the published variables (engine/EngineAllowlist), not from reading the instances
		for (String[] workGroup : Groups.WORK_GROUPS) {
			String group = workGroup[0];
			for (String key : ServiceLifecycleProcess.KEYS) {
				grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
						ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK);
				if (!Groups.PMO_MANAGERS.equals(group)) {
					revoke(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ_INSTANCE);
				}
			}
			grantFilter(group, filterIds.get(Organisation.MY_TASKS));
			grantFilter(group, filterIds.get(Organisation.MY_GROUPS_TASKS));
			grantFilter(group, filterIds.get(Organisation.OVERDUE_TASKS));
			grantFilter(group, filterIds.get(workGroup[1]));
		}

		// PMO managers run operations: Cockpit (read only) and unscheduled reviews (message correlation)
		grant(Groups.PMO_MANAGERS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
		for (String key : ServiceLifecycleProcess.KEYS) {
			grant(Groups.PMO_MANAGERS, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
		}
		// the portfolio board reviews the portfolio: asks for a review (Tasklist's start form) and decides it; PMO managers
		// watch reviews in Cockpit and become candidates of an overdue one
		grant(Groups.PORTFOLIO_BOARD, Resources.PROCESS_DEFINITION, PortfolioReviewProcess.KEY,
				ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
				ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK);
		grant(Groups.PMO_MANAGERS, Resources.PROCESS_DEFINITION, PortfolioReviewProcess.KEY,
				ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK,
				ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.READ_INSTANCE,
				ProcessDefinitionPermissions.READ_HISTORY);
		// PMO managers approve subscriptions to offerings with limited places (the application starts them)
		grant(Groups.PMO_MANAGERS, Resources.PROCESS_DEFINITION, SubscriptionProcess.KEY,
				ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK,
				ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.READ_INSTANCE,
				ProcessDefinitionPermissions.READ_HISTORY);
		// PMO managers watch the notices to customers in Cockpit, with their incidents when the mail server fails
		grant(Groups.PMO_MANAGERS, Resources.PROCESS_DEFINITION, NoticeProcess.KEY, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
		// PMO managers see the decisions and their evaluations in their read-only Cockpit
		grant(Groups.PMO_MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
		grant(Groups.PMO_MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);

		// process owners deploy the lifecycle's models (through the deployment check) and read them, their lifecycles
		// and the decisions in Cockpit; migration runs through /api/models. No task, no start, no Tasklist: none of the
		// approvers' work
		grant(Groups.PMO_PROCESS_OWNERS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
		grant(Groups.PMO_PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
		for (String key : ServiceLifecycleProcess.KEYS) {
			grant(Groups.PMO_PROCESS_OWNERS, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
		}
		// earlier grants on every definition (customers' notices among them) are taken back
		revoke(Groups.PMO_PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
		grant(Groups.PMO_PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
		grant(Groups.PMO_PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);

		// the review request is the allowlist's to admit (engine/EngineAllowlist): no grant that would also let
		// managers move tokens or rewrite variables
		revoke(Groups.PMO_MANAGERS, Resources.PROCESS_DEFINITION, ServiceLifecycleProcess.KEY,
				ProcessDefinitionPermissions.UPDATE_INSTANCE);
	}

	/** Takes back what earlier releases granted and the role matrix no longer holds. */
	private void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = find(groupId, resource, resourceId);
		if (authorization == null) {
			return;
		}
		boolean changed = false;
		for (Permission permission : permissions) {
			if (authorization.isPermissionGranted(permission)) {
				authorization.removePermission(permission);
				changed = true;
			}
		}
		if (changed) {
			this.authorizationService.saveAuthorization(authorization);
		}
	}

	private Authorization find(String groupId, Resource resource, String resourceId) {
		return this.authorizationService.createAuthorizationQuery()
			.authorizationType(AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
	}

	private void grantFilter(String group, String filterId) {
		if (filterId != null) {
			grant(group, Resources.FILTER, filterId, Permissions.READ);
		}
	}

	private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = find(groupId, resource, resourceId);
		boolean changed = false;
		if (authorization == null) {
			authorization = this.authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
			changed = true;
		}
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			this.authorizationService.saveAuthorization(authorization);
		}
	}

}
