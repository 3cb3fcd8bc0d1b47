package org.pmo.servicelifecycle.lifecycle;

import java.util.stream.Stream;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.pmo.servicelifecycle.customer.SubscriptionProcess;
import org.pmo.servicelifecycle.notice.NoticeProcess;
import org.pmo.servicelifecycle.strategy.PortfolioReviewProcess;

/**
 * Coverage settings of the process tests: each test class is measured on its own model, and the build fails when a
 * class reaches fewer flow nodes and sequence flows than {@code process-coverage.minimum} (1.0 unless set).
 */
public final class ProcessCoverage {

	static final String MINIMUM_PROPERTY = "process-coverage.minimum";

	private ProcessCoverage() {
	}

	/** Measured on the given models (one BPMN file may hold several processes), none of the others. */
	public static ProcessEngineCoverageProperties of(String... processDefinitionKeys) {
		java.util.List<String> measured = java.util.List.of(processDefinitionKeys);
		String[] otherModels = Stream.concat(ServiceLifecycleProcess.KEYS.stream(),
				Stream.of(PortfolioReviewProcess.KEY, PortfolioReviewProcess.SCHEDULE_KEY, SubscriptionProcess.KEY,
						NoticeProcess.KEY))
			.filter((key) -> !measured.contains(key))
			.sorted()
			.toArray(String[]::new);
		return ProcessEngineCoverageProperties.builder()
			.assertClassCoverageAtLeast(minimum())
			.excludeProcessDefinitionKeys(otherModels)
			.build();
	}

	static double minimum() {
		return Double.parseDouble(System.getProperty(MINIMUM_PROPERTY, "1.0"));
	}

}
