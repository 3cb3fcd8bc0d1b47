package org.pmo.servicelifecycle.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.pmo.servicelifecycle.TestUsers;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.identity.Organisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners.MergeMode;
import org.springframework.test.context.TestExecutionListeners;

/**
 * What every process test class shares: the engine and the real beans, coverage recording, a driver, and a fixed
 * engine clock for each test. Each class names the model it is measured on in a nested coverage configuration.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = ProcessTestDriver.WITHOUT_ENGINE_REST)
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
		mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ProcessTestSupport {

	@Autowired
	protected ProcessEngine processEngine;

	@Autowired
	protected ServiceRequests requests;

	@Autowired
	protected ServiceCatalog catalog;

	@Autowired
	protected Organisation organisation;

	ProcessTestDriver driver;

	@BeforeEach
	void setUp() {
		init(this.processEngine);
		// the people the models' tasks go to: owners and approvers must exist
		TestUsers.create(this.organisation);
		ClockUtil.setCurrentTime(Date.from(ProcessTestDriver.START));
		this.driver = new ProcessTestDriver(this.processEngine, this.requests, this.catalog);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

}
