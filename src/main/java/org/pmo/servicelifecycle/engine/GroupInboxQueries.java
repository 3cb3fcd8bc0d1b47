package org.pmo.servicelifecycle.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;

/**
 * A group inbox's page and count read the cheap way. Tasklist asks for a group's tasks (a filter's candidate groups,
 * assigned or not) newest first, and with the candidate rule ({@link CandidateTaskAccess}) the user's own part.
 * Camunda's task statement joins every task with its identity links and must de-duplicate ({@code DISTINCT}) and sort
 * all of a group's tasks before it can return the first fifteen: 9.5 ms at 3,000 open tasks on PostgreSQL. Asked as
 * "tasks for which a candidate link exists", the same page walks the creation-time index and stops after fifteen
 * tasks (0.15 ms).
 * <p>
 * Only a page of exactly that shape takes this statement: candidate groups, "include assigned tasks", the candidate
 * rule's part, plain ordering columns, the tenant check; every other field of the query at its default. Anything else
 * (a due date, a variable, sorting by a variable, authorization rows to join) is Camunda's statement as before. The
 * condition is Camunda's, applied to one identity link at a time as its join does, so both return the same tasks, in
 * the same order where the sort values differ (tasks of equal values have no defined order in either). The count
 * reads as many rows either way, but its statement is built from a few lines instead of Camunda's hundreds.
 */
final class GroupInboxQueries extends AbstractProcessEnginePlugin {

	static final String STATEMENT = "selectGroupInboxTasks";

	static final String COUNT_STATEMENT = "selectGroupInboxTaskCount";

	private static final String MAPPING = "GroupInboxQueries.xml";

	/**
	 * Fields every query carries (paging, checks, caches, expressions already evaluated), or that act only after the
	 * statement.
	 */
	private static final Set<String> CARRIED = Set.of("commandExecutor", "resultType", "expressions", "validators",
			"maxResultsLimitEnabled", "authCheck", "tenantCheck", "orderingProperties", "maxResults", "firstResult",
			"parameter", "databaseType", "queries", "cachedCandidateGroups", "cachedUserGroups", "initializeFormKeys",
			"withCommentAttachmentInfo");

	/** The criteria the statement applies to the filter's own query. */
	private static final Set<String> INBOX = Set.of("candidateGroup", "candidateGroups", "includeAssignedTasks");

	/** The criteria of the candidate rule's part. */
	private static final Set<String> RULE = Set.of("candidateGroups", "includeAssignedTasks", "involvedUser",
			"isOrQueryActive");

	private static final List<Field> FIELDS = queryFields();

	private static final TaskQueryImpl DEFAULTS = new TaskQueryImpl();

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineSessions.replace(configuration, TaskManager.class, InboxAwareTaskManager::new);
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		Configuration mappings = configuration.getSqlSessionFactory().getConfiguration();
		// an engine sharing its session factory with an earlier one finds the statement there
		if (mappings.hasStatement(STATEMENT)) {
			return;
		}
		String resource = GroupInboxQueries.class.getPackageName().replace('.', '/') + "/" + MAPPING;
		try (InputStream mapping = GroupInboxQueries.class.getResourceAsStream(MAPPING)) {
			new XMLMapperBuilder(Objects.requireNonNull(mapping, resource), mappings, resource,
					mappings.getSqlFragments())
				.parse();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Does the statement answer this query, configured for its user, exactly as Camunda's would? */
	static boolean fits(TaskQueryImpl query) {
		List<TaskQueryImpl> parts = query.getQueries();
		if (parts.isEmpty() || parts.get(0) != query || parts.size() > 2 || query.isOrQueryActive()) {
			return false;
		}
		// the test Camunda's statement makes before it joins authorization rows (an administrator's query, for one)
		if (query.getAuthCheck().getShouldPerformAuthorizatioCheck() || !onlyColumns(query.getOrderingProperties())
				|| !atDefaults(query, INBOX) || query.getCandidateGroups() == null
				|| query.getCandidateGroups().isEmpty()) {
			return false;
		}
		if (parts.size() == 1) {
			return true;
		}
		TaskQueryImpl rule = parts.get(1);
		boolean groups = rule.getCandidateGroups() != null && !rule.getCandidateGroups().isEmpty();
		return rule instanceof CandidateTaskAccess.CandidateRestriction && atDefaults(rule, RULE)
				&& rule.getOrderingProperties().isEmpty() && (groups || rule.getInvolvedUser() != null)
				&& (!groups || rule.isIncludeAssignedTasks())
				&& (rule.getCandidateGroups() == null || !rule.getCandidateGroups().isEmpty());
	}

	private static boolean onlyColumns(List<QueryOrderingProperty> ordering) {
		return ordering.stream().allMatch(property -> property.getRelation() == null && property.isContainedProperty());
	}

	private static boolean atDefaults(TaskQueryImpl query, Set<String> criteria) {
		try {
			for (Field field : FIELDS) {
				if (!criteria.contains(field.getName()) && !sameCriterion(field.get(query), field.get(DEFAULTS))) {
					return false;
				}
			}
			return true;
		}
		catch (IllegalAccessException ex) {
			return false;
		}
	}

	/**
	 * An empty list of values is no criterion: Camunda's statement tests each for "not null and not empty", and the
	 * filters' stored queries come back with empty lists where nothing was chosen.
	 */
	private static boolean sameCriterion(Object value, Object defaultValue) {
		return Objects.deepEquals(value, defaultValue) || (isEmpty(value) && isEmpty(defaultValue));
	}

	private static boolean isEmpty(Object value) {
		return value == null || (value.getClass().isArray() && Array.getLength(value) == 0)
				|| (value instanceof Collection<?> values && values.isEmpty())
				|| (value instanceof Map<?, ?> entries && entries.isEmpty());
	}

	/** Every field a task query may set, Camunda's future ones included, but those every query carries. */
	private static List<Field> queryFields() {
		List<Field> fields = new ArrayList<>();
		for (Class<?> type = TaskQueryImpl.class; type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				int modifiers = field.getModifiers();
				if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)
						&& !CARRIED.contains(field.getName())) {
					field.setAccessible(true);
					fields.add(field);
				}
			}
		}
		return List.copyOf(fields);
	}

	/** Camunda's task manager, with a group inbox's page read by the statement of its own. */
	static final class InboxAwareTaskManager extends TaskManager {

		@Override
		public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
			configureQuery(query);
			if (!fits(query)) {
				return getDbEntityManager().selectList("selectTaskByQueryCriteria", query);
			}
			return getDbEntityManager().selectList(STATEMENT, query);
		}

		@Override
		public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
			configureQuery(query);
			String statement = fits(query) ? COUNT_STATEMENT : "selectTaskCountByQueryCriteria";
			return (Long) getDbEntityManager().selectOne(statement, query);
		}

	}

}
