package org.pmo.servicelifecycle.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The engine's own counts for Prometheus, per node and since its start: jobs acquired, executed and failed,
 * activity instances started and ended, process instances started, decisions evaluated. Camunda counts them in its
 * metrics registry and empties that into its database every 15 minutes (for Cockpit's figures); this registry
 * counts each occurrence a second time, in totals that only grow, as Prometheus counters must.
 */
@Component
public class EngineMetrics implements MeterBinder {

	/** The events exported, by Camunda's names (tag {@code event} of {@code camunda_engine_events_total}). */
	public static final List<String> EVENTS = List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
			Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
			Metrics.JOB_LOCKED_EXCLUSIVE, Metrics.ACTIVTY_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_END,
			Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.EXECUTED_DECISION_INSTANCES,
			Metrics.EXECUTED_DECISION_ELEMENTS);

	private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();

	public EngineMetrics() {
		EVENTS.forEach((event) -> this.totals.put(event, new AtomicLong()));
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.totals.forEach((event, total) -> FunctionCounter.builder("camunda.engine.events", total, AtomicLong::get)
			.description("Occurrences the process engine counted on this node since its start, by Camunda's metric name")
			.tag("event", event)
			.register(registry));
	}

	/** Puts the counting registry into the engine, before the engine creates its own. */
	AbstractProcessEnginePlugin plugin() {
		return new AbstractProcessEnginePlugin() {

			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				configuration.setMetricsRegistry(new CountingRegistry());
			}

			@Override
			public String toString() {
				return "EngineMetrics";
			}

		};
	}

	private final class CountingRegistry extends MetricsRegistry {

		@Override
		public void markOccurrence(String name, long times) {
			super.markOccurrence(name, times);
			AtomicLong total = EngineMetrics.this.totals.get(name);
			if (total != null) {
				total.addAndGet(times);
			}
		}

	}

}
