package org.pmo.servicelifecycle.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes Camunda's schema lacks for this product's load, created once after the engine has created or checked its
 * schema; where the database user may not create indexes (a DBA manages Camunda's schema) each is only reported, and
 * the DBA can create it by hand.
 * <ul>
 * <li>the job due date, for the job executor's acquisition query: without it every acquisition read the whole job
 * table, in which every live service keeps its periodic review timer (thousands of rows, almost none of them due);</li>
 * <li>the event subscriptions' process instance, which the migration of an instance reads: without it every migrated
 * instance read every live service's subscriptions.</li>
 * </ul>
 * With {@code ensureJobDueDateNotNull} the acquisition asks only for due dates that have passed, so jobs written
 * without one (before the setting, or by a node without it) are given the time of this start: they run first, not
 * never.
 */
class EngineIndexes extends AbstractProcessEnginePlugin {

	static final String NAME = "pmo_idx_job_acquisition";

	static final String DDL = "CREATE INDEX IF NOT EXISTS " + NAME + " ON ACT_RU_JOB (DUEDATE_)";

	static final String SUBSCRIPTIONS_NAME = "pmo_idx_event_subscr_proc_inst";

	static final String SUBSCRIPTIONS_DDL = "CREATE INDEX IF NOT EXISTS " + SUBSCRIPTIONS_NAME
			+ " ON ACT_RU_EVENT_SUBSCR (PROC_INST_ID_)";

	static final String DUE_NOW = "UPDATE ACT_RU_JOB SET DUEDATE_ = CURRENT_TIMESTAMP WHERE DUEDATE_ IS NULL";

	private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

	private DataSource dataSource;

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		this.dataSource = configuration.getDataSource();
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine
			.getProcessEngineConfiguration();
		String prefix = configuration.getDatabaseTablePrefix();
		execute(DDL.replace("ACT_RU_JOB", prefix + "ACT_RU_JOB"), "create the index " + NAME);
		execute(SUBSCRIPTIONS_DDL.replace("ACT_RU_EVENT_SUBSCR", prefix + "ACT_RU_EVENT_SUBSCR"),
				"create the index " + SUBSCRIPTIONS_NAME);
		if (configuration.isEnsureJobDueDateNotNull()) {
			int updated = execute(DUE_NOW.replace("ACT_RU_JOB", prefix + "ACT_RU_JOB"),
					"give the jobs without a due date one, so the acquisition does not find them");
			if (updated > 0) {
				log.info("{} jobs without a due date are due now, so that the acquisition by due date finds them", updated);
			}
		}
	}

	/** Runs one statement and commits it; where it fails, says what could not be done and what to run by hand. */
	private int execute(String sql, String what) {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
			int updated = Math.max(0, statement.getUpdateCount());
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
			return updated;
		}
		catch (SQLException ex) {
			log.warn("Could not {} ({}); run it as the schema's owner: {}", what, ex.getMessage(), sql);
			return 0;
		}
	}

}
