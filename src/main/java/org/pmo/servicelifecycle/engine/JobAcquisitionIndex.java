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
 * (a DBA manages Camunda's schema) it is only reported, and the DBA can create it by hand.
 */
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

	static final String NAME = "pmo_idx_job_acquisition";

	static final String DDL = "CREATE INDEX IF NOT EXISTS " + NAME + " ON ACT_RU_JOB (DUEDATE_)";

	private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

	private DataSource dataSource;

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		this.dataSource = configuration.getDataSource();
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		String prefix = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
			.getDatabaseTablePrefix();
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(DDL.replace("ACT_RU_JOB", prefix + "ACT_RU_JOB"));
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			log.warn("Could not create the index {} for the job acquisition ({}); create it as the schema's owner: {}",
					NAME, ex.getMessage(), DDL);
		}
	}

}
