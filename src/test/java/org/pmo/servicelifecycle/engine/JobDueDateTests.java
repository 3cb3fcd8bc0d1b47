package org.pmo.servicelifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;

/**
 * The job executor takes the longest overdue job first and asks only for due dates that have passed: every job gets a
 * due date when it is written, and a job written without one (before the setting) is given one at the next start.
 */
class JobDueDateTests extends WebTestSupport {

	@Test
	void everyJobIsWrittenWithADueDateAndOneWithoutIsGivenOneAtStart() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
		assertThat(configuration.isJobExecutorPreferTimerJobs()).isFalse();
		assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();

		// an asynchronous job (a batch's seed job) gets the time it was created as its due date
		String code = this.lifecycle.request("Due date check " + System.nanoTime());
		String instance = this.engineApi.task(code, "Task_EvaluateNeed").getProcessInstanceId();
		Batch batch = this.engine.getRuntimeService()
			.deleteProcessInstancesAsync(List.of(instance), "checking the due dates of jobs");
		try {
			Job seed = this.engine.getManagementService()
				.createJobQuery()
				.jobDefinitionId(batch.getSeedJobDefinitionId())
				.singleResult();
			assertThat(seed.getDuedate()).isNotNull();

			assertThat(acquired(configuration)).contains(seed.getId());

			// a job from before the setting, without a due date, is not acquired, until the next start makes it due
			this.jdbc.update("update ACT_RU_JOB set DUEDATE_ = null where ID_ = ?", seed.getId());
			assertThat(acquired(configuration)).doesNotContain(seed.getId());
			EngineIndexes atStart = new EngineIndexes();
			atStart.postInit(configuration);
			atStart.postProcessEngineBuild(this.engine);
			assertThat(this.engine.getManagementService().createJobQuery().jobId(seed.getId()).singleResult().getDuedate())
				.isNotNull();
			assertThat(acquired(configuration)).contains(seed.getId());
		}
		finally {
			this.engine.getManagementService().deleteBatch(batch.getId(), true);
		}
	}

	/** The ids the job executor's acquisition finds now; their locks are released again for the other tests. */
	private List<String> acquired(ProcessEngineConfigurationImpl configuration) {
		AcquiredJobs jobs = configuration.getCommandExecutorTxRequired()
			.execute(new AcquireJobsCmd(configuration.getJobExecutor(), 10_000));
		List<String> ids = jobs.getJobIdBatches().stream().flatMap(List::stream).toList();
		ids.forEach((id) -> this.jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where ID_ = ?",
				id));
		return ids;
	}

}
