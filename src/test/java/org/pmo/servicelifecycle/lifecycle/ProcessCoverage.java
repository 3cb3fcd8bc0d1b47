package org.pmo.servicelifecycle.lifecycle;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;

/**
 * Coverage settings of the process tests: each test class is measured on its own model, and the build fails when a
 * class reaches fewer flow nodes and sequence flows than {@code process-coverage.minimum} (1.0 unless set).
 */
final class ProcessCoverage {

	static final String MINIMUM_PROPERTY = "process-coverage.minimum";

	private ProcessCoverage() {
	}

	static ProcessEngineCoverageProperties of(String processDefinitionKey) {
		String[] otherModels = ServiceLifecycleProcess.KEYS.stream()
			.filter((key) -> !key.equals(processDefinitionKey))
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
