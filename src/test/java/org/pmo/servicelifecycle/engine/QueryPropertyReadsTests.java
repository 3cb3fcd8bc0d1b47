package org.pmo.servicelifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.ibatis.builder.BuilderException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.OgnlCache;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;

/** The mappings' expressions read a query's criteria as before, through reads kept per class and name. */
class QueryPropertyReadsTests {

	@Test
	void criteriaReadAsTheExpressionLanguageReadsThem() throws Exception {
		new QueryPropertyReads().preInit(null);
		assertThat(OgnlRuntime.getPropertyAccessor(TaskQueryImpl.class))
			.isInstanceOf(QueryPropertyReads.KeptReads.class);
		assertThat(OgnlRuntime.getPropertyAccessor(JobQueryImpl.class)).isInstanceOf(QueryPropertyReads.KeptReads.class);

		TaskQueryImpl query = new TaskQueryImpl();
		query.taskCandidateGroupIn(List.of("pmo-managers", "portfolio-board")).includeAssignedTasks().withoutTenantId();
		TaskQueryImpl or = (TaskQueryImpl) query.or();
		Map<String, Object> scope = Map.of("query", query, "orQuery", or);
		for (int read = 0; read < 2; read++) {
			// no getter: the method of that name
			assertThat(OgnlCache.getValue("query.isOrQueryActive", scope)).isEqualTo(false);
			assertThat(OgnlCache.getValue("orQuery.isOrQueryActive", scope)).isEqualTo(true);
			// no getter and no method: the field
			assertThat(OgnlCache.getValue("query.isWithoutTenantId", scope)).isEqualTo(true);
			assertThat(OgnlCache.getValue("orQuery.isWithoutTenantId", scope)).isEqualTo(false);
			// getters, computed ones included
			assertThat(OgnlCache.getValue("query.candidateGroups", scope)).isEqualTo(List.of("pmo-managers",
					"portfolio-board"));
			assertThat(OgnlCache.getValue("query.includeAssignedTasks", scope)).isEqualTo(true);
			assertThat(OgnlCache.getValue("query.candidateGroups != null && query.candidateGroups.size > 1", scope))
				.isEqualTo(true);
			assertThat(OgnlCache.getValue("query.candidateUser == null", scope)).isEqualTo(true);
		}
		assertThatThrownBy(() -> OgnlCache.getValue("query.noSuchCriterion", scope)).isInstanceOf(BuilderException.class)
			.hasMessageContaining("noSuchCriterion");
	}

}
