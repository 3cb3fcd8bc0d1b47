package org.pmo.servicelifecycle.engine;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** The job executor is off in tests: the engine's batches (seed, batch and monitor jobs) are run here to their end. */
public final class EngineBatches {

	private EngineBatches() {
	}

	public static void runToTheEnd(ManagementService management) {
		for (int round = 0; round < 50; round++) {
			List<String> definitions = management.createBatchQuery()
				.list()
				.stream()
				.flatMap((batch) -> Stream.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
						batch.getMonitorJobDefinitionId()))
				.toList();
			List<Job> jobs = management.createJobQuery()
				.list()
				.stream()
				.filter((job) -> definitions.contains(job.getJobDefinitionId()))
				.toList();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach((job) -> management.executeJob(job.getId()));
		}
		throw new AssertionError("the batches did not end");
	}

}
