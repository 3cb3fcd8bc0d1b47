package org.pmo.servicelifecycle.engine;

import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.pmo.servicelifecycle.agreement.OfferingDesign;
import org.pmo.servicelifecycle.lifecycle.RetirementDates;
import org.pmo.servicelifecycle.lifecycle.ServiceStage;
import org.pmo.servicelifecycle.lifecycle.TaskAudit;
import org.pmo.servicelifecycle.security.FourEyesPrinciple;
import org.pmo.servicelifecycle.strategy.BusinessCaseForm;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The application's one engine plugin: everything that customises the engine, applied in this order at each step of
 * the engine's start (preInit, postInit, after the build).
 * <ol>
 * <li>{@link JdkDatatypeFactory}: the JDK's XML datatype factory, before any timer is read;</li>
 * <li>{@link EngineMetrics}: the engine's counts, also for Prometheus;</li>
 * <li>{@link ClusterNodeName}: the node's name in job logs and locks;</li>
 * <li>{@link EngineIndexes}: the job due-date and event-subscription indexes, once the schema exists, and a due date
 * for every job;</li>
 * <li>{@link ParsedFeelExpressions}: the decisions' FEEL with each expression parsed once;</li>
 * <li>{@link LifecycleModelListeners}: task audit and stage properties on the lifecycle models, and the form check
 * after the allowlist;</li>
 * <li>{@link GovernanceSettings}: deny by default (the first command interceptor after the transaction opens), the
 * four-eyes guard and listeners, the candidate rule, the login throttle and the engine's safety settings;</li>
 * <li>{@link GroupInboxQueries}: a group inbox's page without Camunda's identity-link join;</li>
 * <li>{@link RequestReads}: the rows a saved filter's page reads in each of its commands, read once for it;</li>
 * <li>{@link QueryPropertyReads}: the queries' criteria read in the mappings' expressions without a search each
 * time.</li>
 * </ol>
 * Command interceptors therefore run as: task query guard and login throttle (before the transaction), then
 * {@link DenyByDefault}, {@link FormSubmissionCheck}, {@link GovernanceGuard}. On a lifecycle model's user task the
 * audit listeners run before the four-eyes listeners.
 */
@Component
class PmoEnginePlugin extends CompositeProcessEnginePlugin {

	// the engine's parse listeners are wired before the catalog exists
	PmoEnginePlugin(TaskAudit taskAudit, @Lazy ServiceStage serviceStage, @Lazy BusinessCaseForm businessCaseForm,
			@Lazy OfferingDesign offeringDesign, @Lazy RetirementDates retirementDates,
			FourEyesPrinciple fourEyes, EngineSettings engineSettings, NodeSettings nodeSettings,
			EngineMetrics engineMetrics) {
		addProcessEnginePlugin(new JdkDatatypeFactory());
		addProcessEnginePlugin(engineMetrics.plugin());
		addProcessEnginePlugin(new ClusterNodeName(nodeSettings));
		addProcessEnginePlugin(new EngineIndexes());
		addProcessEnginePlugin(new ParsedFeelExpressions());
		addProcessEnginePlugin(new LifecycleModelListeners(taskAudit, serviceStage, businessCaseForm, offeringDesign,
				retirementDates));
		addProcessEnginePlugin(new GovernanceSettings(fourEyes, engineSettings));
		addProcessEnginePlugin(new GroupInboxQueries());
		addProcessEnginePlugin(new RequestReads.Plugin());
		addProcessEnginePlugin(new QueryPropertyReads());
	}

	@Override
	public String toString() {
		return "PMO service lifecycle: " + getPlugins();
	}

}
