package org.pmo.servicelifecycle;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Several Spring test contexts live side by side in one test JVM, each with its own engine named "default", while
 * Camunda's REST API and authentication look the engine up in a static registry by that name. Before each test, the
 * engine of the test's own context becomes the registered one.
 */
public class CurrentProcessEngine extends AbstractTestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		ProcessEngine engine = testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).getIfAvailable();
		if (engine != null) {
			ProcessEngines.registerProcessEngine(engine);
		}
	}

}
