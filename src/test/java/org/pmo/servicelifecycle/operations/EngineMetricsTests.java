package org.pmo.servicelifecycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.Decision;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The engine's counts and the open tasks per group in Prometheus, as the scraper reads them, and the Grafana
 * dashboard in docs/ asking only for series the application exports.
 */
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "pmo.metrics.scrape-password=scrape-secret-1")
class EngineMetricsTests extends WebTestSupport {

	private static final Pattern SERIES = Pattern.compile("\\b((?:pmo|camunda|http|jvm|hikaricp)_[a-z_]+)\\b");

	@Test
	void shouldCountTheEnginesWorkAndTheOpenTasksPerGroup() throws InterruptedException {
		String before = scrape();
		double activities = value(before, "camunda_engine_events_total{event=\"activity-instance-start\"");
		double started = value(before, "camunda_engine_events_total{event=\"root-process-instance-start\"");
		double decisions = value(before, "camunda_engine_events_total{event=\"executed-decision-instances\"");

		String code = this.lifecycle.request("Counted engine work");
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		this.lifecycle.design(code);
		// the gauges are read at most every 10 s (pmo.metrics.freshness): wait for fresh figures
		Thread.sleep(10_500);
		String after = scrape();

		assertThat(value(after, "camunda_engine_events_total{event=\"activity-instance-start\"")).isGreaterThan(activities);
		assertThat(value(after, "camunda_engine_events_total{event=\"root-process-instance-start\"")).isGreaterThan(started);
		assertThat(value(after, "camunda_engine_events_total{event=\"executed-decision-instances\"")).isGreaterThan(decisions);
		for (String event : org.pmo.servicelifecycle.engine.EngineMetrics.EVENTS) {
			assertThat(after).contains("camunda_engine_events_total{event=\"" + event + "\"");
		}
		long boardTasks = this.engine.getTaskService().createTaskQuery()
			.taskCandidateGroup("portfolio-board")
			.includeAssignedTasks()
			.count();
		assertThat(boardTasks).isPositive();
		assertThat(value(after, "pmo_tasks_open{group=\"portfolio-board\"")).isEqualTo(boardTasks);
	}

	@Test
	void shouldAskTheDashboardOnlyForSeriesTheApplicationExports() throws IOException {
		JsonNode dashboard = new ObjectMapper()
			.readTree(Files.readString(Path.of("docs/grafana/pmo-service-lifecycle.json")));
		Set<String> asked = new LinkedHashSet<>();
		dashboard.get("panels").forEach((panel) -> panel.get("targets").forEach((target) -> {
			Matcher series = SERIES.matcher(target.get("expr").asText());
			while (series.find()) {
				asked.add(series.group(1));
			}
		}));
		assertThat(asked).contains("camunda_engine_events_total", "pmo_tasks_open", "pmo_services");
		String exported = scrape();
		assertThat(asked).allSatisfy((name) -> assertThat(exported).as(name).containsPattern("(?m)^" + name + "[{ ]"));
	}

	private String scrape() {
		ResponseEntity<String> metrics = this.rest.withBasicAuth("prometheus", "scrape-secret-1")
			.getForEntity("/actuator/prometheus", String.class);
		assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
		return metrics.getBody();
	}

	/** The value of the first series that starts so, summed over its remaining labels. */
	private static double value(String scrape, String seriesStart) {
		return scrape.lines()
			.filter((line) -> line.startsWith(seriesStart))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
