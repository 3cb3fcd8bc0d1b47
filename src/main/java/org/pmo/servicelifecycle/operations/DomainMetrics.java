package org.pmo.servicelifecycle.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.pmo.servicelifecycle.agreement.SlaBreachRepository;
import org.pmo.servicelifecycle.catalog.PmoServiceRepository;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.Stage;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Figures of the PMO's portfolio for Prometheus, beside the JVM's and the engine's: services per stage, reviews due
 * soon, SLA breaches, open tasks per group, overdue tasks, open incidents and failed jobs. Each figure is read from the database when
 * scraped, at most once per {@code pmo.metrics.freshness} (10 s by default), so frequent scrapes cost little.
 */
@Component
class DomainMetrics implements MeterBinder {

	static final Duration REVIEW_HORIZON = Duration.ofDays(30);

	private final ServiceCatalog catalog;

	private final PmoServiceRepository services;

	private final SlaBreachRepository breaches;

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final ManagementService managementService;

	private final Clock clock;

	private final Duration freshness;

	private final Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

	private final ApplicationAuthority application;

	DomainMetrics(ServiceCatalog catalog, PmoServiceRepository services, SlaBreachRepository breaches,
			TaskService taskService, RuntimeService runtimeService, ManagementService managementService, Clock clock,
			MetricsSettings settings, @Lazy ApplicationAuthority application) {
		this.application = application;
		this.freshness = settings.freshness();
		this.catalog = catalog;
		this.services = services;
		this.breaches = breaches;
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Stage stage : Stage.values()) {
			Gauge.builder("pmo.services", () -> cached("stages", () -> this.catalog.countByStage()).get(stage))
				.description("Services in the catalog per lifecycle stage")
				.tag("stage", stage.name())
				.tag("phase", stage.portfolioPhase().name())
				.register(registry);
		}
		Gauge.builder("pmo.reviews.due", () -> cached("reviewsDue",
				() -> this.services.countByNextReviewDueBefore(this.clock.instant().plus(REVIEW_HORIZON))))
			.description("Live services whose periodic review falls due within 30 days")
			.register(registry);
		Gauge.builder("pmo.sla.breaches", () -> cached("breaches", this.breaches::count))
			.description("Performance agreement breaches recorded")
			.register(registry);
		Gauge.builder("pmo.tasks.overdue", () -> cached("overdue",
				() -> this.taskService.createTaskQuery().dueBefore(Date.from(this.clock.instant())).count()))
			.description("Open lifecycle tasks past their due date")
			.register(registry);
		for (String[] group : Groups.WORK_GROUPS) {
			String groupId = group[0];
			Gauge.builder("pmo.tasks.open", () -> cached("open:" + groupId, () -> this.taskService.createTaskQuery()
				.taskCandidateGroup(groupId)
				.includeAssignedTasks()
				.count()))
				.description("Open lifecycle tasks of a group, claimed or not")
				.tag("group", groupId)
				.register(registry);
		}
		Gauge.builder("pmo.incidents.open", () -> cached("incidents",
				() -> this.runtimeService.createIncidentQuery().count()))
			.description("Open incidents (failed jobs out of retries and other engine incidents)")
			.register(registry);
		Gauge.builder("pmo.jobs.failed", () -> cached("failedJobs",
				() -> this.managementService.createJobQuery().withException().count()))
			.description("Jobs whose last execution failed (retrying or out of retries)")
			.register(registry);
	}

	/**
	 * A figure as the application counts it, whoever scrapes: the engine's queries run without the scraper's login,
	 * so a PMO manager's scrape does not leave figures cut to his rights for everybody.
	 */
	@SuppressWarnings("unchecked")
	private <T> T cached(String name, Supplier<T> reader) {
		Instant now = Instant.now();
		Cached entry = this.cache.compute(name, (key, old) -> (old != null && old.readAt().plus(this.freshness).isAfter(now))
				? old : new Cached(this.application.call(reader), now));
		return (T) entry.value();
	}

	private record Cached(Object value, Instant readAt) {
	}

}
