package org.pmo.servicelifecycle.engine;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.InvalidLifecycleInputException;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;

/** A service's owner is a person of the PMO: an existing user of one of the work groups. */
final class ServiceOwners {

	private static final Set<String> WORK_GROUPS = Groups.WORK_GROUPS.stream()
		.map((group) -> group[0])
		.collect(Collectors.toSet());

	private ServiceOwners() {
	}

	/** Refuses an owner who is not an existing member of a work group; no owner given passes. */
	static void check(CommandContext context, Object owner) {
		Object value = (owner instanceof TypedValue typed) ? typed.getValue() : owner;
		if (!(value instanceof String userId) || userId.isBlank() || context == null) {
			return;
		}
		boolean known = context.runWithoutAuthorization(() -> context.getProcessEngineConfiguration()
			.getIdentityService()
			.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.anyMatch(WORK_GROUPS::contains));
		if (!known) {
			throw new InvalidLifecycleInputException(ServiceLifecycleProcess.Variables.SERVICE_OWNER,
					"'" + userId + "' is not a member of the PMO's analysts, managers or portfolio board");
		}
	}

}
