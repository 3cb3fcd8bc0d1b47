package org.pmo.servicelifecycle.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;

/**
 * Rows that each engine command of one request reads again, read once for the request. A saved filter's HAL page
 * runs four commands, and each read the filter's row, the groups that have authorizations and whether revoking
 * authorizations exist for the user: 8 of the page's 20 statements. Only a request that opens a scope keeps them
 * ({@link FilterQueryTransaction}: a filter's page or count, in one transaction); every other command reads as
 * Camunda does.
 * <p>
 * What is kept are rows, not decisions: each command still checks the user's permission on the filter, and the
 * candidate rule and the authorization checks still apply to every query.
 */
final class RequestReads {

	private static final ThreadLocal<RequestReads> CURRENT = new ThreadLocal<>();

	private Set<String> authorizedGroups;

	private final Map<RevokeQuestion, Boolean> revokes = new HashMap<>();

	private final Map<String, FilterEntity> filterRows = new HashMap<>();

	private RequestReads() {
	}

	/** Runs the request's work with its reads kept, and forgets them afterwards. */
	static void during(Runnable work) {
		if (CURRENT.get() != null) {
			work.run();
			return;
		}
		CURRENT.set(new RequestReads());
		try {
			work.run();
		}
		finally {
			CURRENT.remove();
		}
	}

	/** The groups that have authorizations (Camunda's {@code selectAuthorizedGroupIds}); read-only. */
	static Set<String> authorizedGroups(Supplier<Set<String>> read) {
		RequestReads reads = CURRENT.get();
		if (reads == null) {
			return read.get();
		}
		if (reads.authorizedGroups == null) {
			reads.authorizedGroups = Collections.unmodifiableSet(new HashSet<>(read.get()));
		}
		return reads.authorizedGroups;
	}

	/** Whether revoking authorizations exist for the user or his groups (the revoke mode "auto"). */
	static boolean revokesApply(String userId, List<String> groupIds, BooleanSupplier read) {
		RequestReads reads = CURRENT.get();
		if (reads == null) {
			return read.getAsBoolean();
		}
		RevokeQuestion question = new RevokeQuestion(userId, (groupIds == null) ? null : new ArrayList<>(groupIds));
		Boolean answer = reads.revokes.get(question);
		if (answer == null) {
			answer = read.getAsBoolean();
			reads.revokes.put(question, answer);
		}
		return answer;
	}

	/**
	 * A filter's row: the first command gets the entity it loaded, each later one a copy of the row as loaded, so
	 * that what a command changes on its query (paging, the candidate rule) stays its own.
	 */
	static FilterEntity filterRow(String filterId, Function<String, FilterEntity> read) {
		RequestReads reads = CURRENT.get();
		if (reads == null) {
			return read.apply(filterId);
		}
		FilterEntity kept = reads.filterRows.get(filterId);
		if (kept != null) {
			return copyOf(kept);
		}
		FilterEntity loaded = read.apply(filterId);
		if (loaded != null) {
			reads.filterRows.put(filterId, copyOf(loaded));
		}
		return loaded;
	}

	/** The entity as the engine builds it from its row. */
	private static FilterEntity copyOf(FilterEntity row) {
		FilterEntity copy = new FilterEntity(row.getResourceType());
		copy.setId(row.getId());
		copy.setRevision(row.getRevision());
		copy.setName(row.getName());
		copy.setOwner(row.getOwner());
		copy.setQueryInternal(row.getQueryInternal());
		copy.setPropertiesInternal(row.getPropertiesInternal());
		copy.postLoad();
		return copy;
	}

	private record RevokeQuestion(String userId, List<String> groupIds) {
	}

	/** Camunda's filter manager, with the row read through the request's reads; the permission check stays. */
	static final class KeptFilterRows extends FilterManager {

		@Override
		protected FilterEntity findFilterByIdInternal(String filterId) {
			return filterRow(filterId, super::findFilterByIdInternal);
		}

	}

	/** Installs the filter manager; the authorization manager's reads are in {@link CandidateTaskAccess}. */
	static final class Plugin extends AbstractProcessEnginePlugin {

		@Override
		public void preInit(ProcessEngineConfigurationImpl configuration) {
			EngineSessions.replace(configuration, FilterManager.class, KeptFilterRows::new);
		}

	}

}
