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
 * An index for the job executor's acquisition query, which asks for jobs whose due date has passed. Camunda's schema has
 * no index on the due date, so every acquisition read the whole job table, in which every live service keeps its
 * periodic review timer (thousands of rows, almost none of them due). With the index it reads only the due jobs.
 * Created once, after the engine has created or checked its schema; where the database user may not create indexes
 * (a DBA manages Camunda's schema) it is only reported, and the DBA can create it by hand. With
 * {@code ensureJobDueDateNotNull} the acquisition asks only for due dates that have passed, so jobs written without one
 * (before the setting, or by a node without it) are given the time of this start: they run first, not never.
 */
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

	static final String NAME = "pmo_idx_job_acquisition";

	static final String DDL = "CREATE INDEX IF NOT EXISTS " + NAME + " ON ACT_RU_JOB (DUEDATE_)";

	static final String DUE_NOW = "UPDATE ACT_RU_JOB SET DUEDATE_ = CURRENT_TIMESTAMP WHERE DUEDATE_ IS NULL";

	private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

	private DataSource dataSource;

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		this.dataSource = configuration.getDataSource();
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine
			.getProcessEngineConfiguration();
		String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(DDL.replace("ACT_RU_JOB", table));
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			log.warn("Could not create the index {} for the job acquisition ({}); create it as the schema's owner: {}",
					NAME, ex.getMessage(), DDL);
		}
		if (configuration.isEnsureJobDueDateNotNull()) {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				int updated = statement.executeUpdate(DUE_NOW.replace("ACT_RU_JOB", table));
				if (!connection.getAutoCommit()) {
					connection.commit();
				}
				if (updated > 0) {
					log.info("{} jobs without a due date are due now, so that the acquisition by due date finds them", updated);
				}
			}
			catch (SQLException ex) {
				log.warn("Could not give the jobs without a due date one ({}); run as the schema's owner: {}",
						ex.getMessage(), DUE_NOW);
			}
		}
	}

}
