package org.pmo.servicelifecycle.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_EVALUATE_NEED;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_REVIEW_SERVICE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pmo.servicelifecycle.ApiClient;
import org.pmo.servicelifecycle.HttpTransport;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.ReviewOutcome;
import org.pmo.servicelifecycle.demo.LifecycleDriver;
import org.pmo.servicelifecycle.demo.LifecycleForms;
import org.pmo.servicelifecycle.demo.People;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes of the packaged application on one PostgreSQL database (the server named by
 * {@code PMO_TEST_POSTGRES_URL}, or an embedded one), run as production runs them, checked in three steps that build
 * on each other:
 * <ol>
 * <li>services are carried to operation with every step done on one node and checked on the other;</li>
 * <li>every service's periodic review falls due at once; one node is killed with {@code kill -9} while it holds
 * some of the timers, and the other node fires them after their locks expire: each timer fires exactly once;</li>
 * <li>the remaining node is killed with {@code kill -9} while lifecycles move, and restarted: every service, task and
 * timer is there, every acknowledged change kept, and the consistency check finds no catalog stage that disagrees
 * with its lifecycle.</li>
 * </ol>
 * It prints its figures. Run with {@code ./mvnw verify -Dpmo.cluster-check=true}; CI does. The number of services is
 * {@code -Dpmo.cluster-check.services} (default 200).
 */
@EnabledIfSystemProperty(named = "pmo.cluster-check", matches = "true",
		disabledReason = "two-node check: run with -Dpmo.cluster-check=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterCheckIT {

	private static final int SERVICES = Integer.getInteger("pmo.cluster-check.services", 200);

	/** Short, so a killed node's jobs are taken over within the check; production keeps 5 minutes. */
	private static final Duration LOCK_TIME = Duration.ofSeconds(20);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private static final String ADMIN_PASSWORD = "cluster-check-admin";

	private static final String REVIEW_TIMER = "Event_PeriodicReviewDue";

	private static final ReviewOutcome[] OUTCOMES = { ReviewOutcome.CONTINUE, ReviewOutcome.RETIRE,
			ReviewOutcome.TRANSFORM };

	private static final Map<ReviewOutcome, String> STAGE_AFTER = Map.of(ReviewOutcome.CONTINUE, "OPERATION",
			ReviewOutcome.RETIRE, "RETIREMENT", ReviewOutcome.TRANSFORM, "TRANSFORM");

	private final String[] codes = new String[SERVICES];

	private PostgresTestServer server;

	private String database;

	private JdbcTemplate jdbc;

	private ApplicationNode nodeA;

	private ApplicationNode nodeB;

	@BeforeAll
	void startTwoNodesOnOneDatabase() throws IOException {
		this.server = PostgresTestServer.get();
		this.database = this.server.createDatabase();
		String url = this.server.jdbcUrl(this.database);
		this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url, this.server.user(), this.server.password()));
		Path jar = Path.of(System.getProperty("pmo.app.jar", "target/pmo-service-lifecycle-1.0.0-SNAPSHOT.jar"));
		assertThat(jar).as("the packaged application (./mvnw package)").exists();
		Path logs = Files.createDirectories(Path.of("target", "cluster-check"));
		Map<String, String> environment = Map.of("SPRING_PROFILES_ACTIVE", "postgres", "DB_URL", url, "DB_USERNAME",
				this.server.user(), "DB_PASSWORD", this.server.password(), "ADMIN_USER", "admin", "ADMIN_PASSWORD",
				ADMIN_PASSWORD);
		List<String> arguments = List.of("--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
				// poll often, so the check does not wait for idle nodes
				"--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000",
				"--camunda.bpm.job-execution.core-pool-size=2", "--camunda.bpm.job-execution.max-pool-size=2",
				"--camunda.bpm.job-execution.queue-capacity=10",
				"--camunda.bpm.job-execution.max-jobs-per-acquisition=10", "--spring.datasource.hikari.maximum-pool-size=12");
		this.nodeA = new ApplicationNode("node-a", jar, environment, arguments, logs);
		this.nodeB = new ApplicationNode("node-b", jar, environment, arguments, logs);

		long started = System.nanoTime();
		// one after the other: the first creates Camunda's tables and the catalog's in the empty database
		this.nodeA.start(START_TIMEOUT);
		this.nodeB.start(START_TIMEOUT);
		report("two nodes on database %s: %s at %s, %s at %s (up in %d s; logs in %s)", this.database,
				this.nodeA.name(), this.nodeA.baseUrl(), this.nodeB.name(), this.nodeB.baseUrl(), secondsSince(started),
				logs);
		createPeople(new ApiClient(this.nodeA.baseUrl(), "admin", ADMIN_PASSWORD));
	}

	@AfterAll
	void stopNodes() {
		if (this.nodeA != null) {
			this.nodeA.stop();
		}
		if (this.nodeB != null) {
			this.nodeB.stop();
		}
		if (this.database != null) {
			this.server.dropDatabase(this.database);
		}
	}

	@Test
	@Order(1)
	void shouldSeeOnOneNodeWhatWasDoneOnTheOther() {
		LifecycleDriver[] nodes = { driverOn(this.nodeA), driverOn(this.nodeB) };
		AtomicInteger seenOnTheOtherNode = new AtomicInteger();
		long started = System.nanoTime();

		// every step on one node, and its outcome read on the other
		inParallel(SERVICES, (i) -> {
			LifecycleDriver here = nodes[i % 2];
			LifecycleDriver there = nodes[(i + 1) % 2];
			String code = here.request("Cluster service " + i);
			there.evaluateNeed(code, Decision.APPROVE);
			assertThat(managerOf(here).stage(code)).isEqualTo("DESIGN");
			assertThat(managerOf(here).tasks(code, TASK_EVALUATE_NEED)).isEmpty();
			here.design(code, "P14D", "R/P3M");
			assertThat(managerOf(there).stage(code)).isEqualTo("JUSTIFICATION");
			there.justify(code, Decision.APPROVE);
			assertThat(managerOf(here).stage(code)).isEqualTo("PILOT");
			this.codes[i] = code;
			seenOnTheOtherNode.addAndGet(3);
		});
		// two weeks pass: every pilot ends at the same moment; whichever node acquires a pilot timer fires it
		int pilotsDue = this.jdbc.update("update act_ru_job set duedate_ = ? where job_def_id_ in "
				+ "(select id_ from act_ru_jobdef where act_id_ = ?)", Timestamp.from(Instant.now().minusSeconds(1)),
				"Event_PilotPeriodOver");
		assertThat(pilotsDue).isEqualTo(SERVICES);
		await("the pilot timers", Duration.ofMinutes(2),
				() -> count("select count(*) from act_ru_task where task_def_key_ = 'Task_ReviewPilot'") >= SERVICES);
		inParallel(SERVICES, (i) -> {
			LifecycleDriver here = nodes[i % 2];
			LifecycleDriver there = nodes[(i + 1) % 2];
			here.reviewPilot(this.codes[i], Decision.APPROVE);
			assertThat(managerOf(there).stage(this.codes[i])).isEqualTo("IMPLEMENTATION");
			there.approveGoLive(this.codes[i], Decision.APPROVE);
			assertThat(managerOf(here).stage(this.codes[i])).isEqualTo("OPERATION");
			seenOnTheOtherNode.addAndGet(2);
		});

		Map<String, Long> pilotsFired = firedByNode("Event_PilotPeriodOver");
		long pilotReviews = count("select count(*) from act_hi_taskinst where task_def_key_ = 'Task_ReviewPilot'");
		long pilotDuplicates = count("select coalesce(sum(n - 1), 0) from (select count(*) n from act_hi_taskinst "
				+ "where task_def_key_ = 'Task_ReviewPilot' group by proc_inst_id_) per_service");
		report("%d services carried to OPERATION across both nodes in %d s: %d steps done on one node and seen on the other",
				SERVICES, secondsSince(started), seenOnTheOtherNode.get());
		report("pilot timers: %d due, %d fired %s, pilot reviews %d, duplicates = %d, lost = %d", SERVICES,
				sum(pilotsFired), pilotsFired, pilotReviews, pilotDuplicates, SERVICES - (pilotReviews - pilotDuplicates));
		assertThat(sum(pilotsFired)).isEqualTo(SERVICES);
		assertThat(pilotDuplicates).isZero();
		assertThat(count("select count(*) from pmo_service where stage = 'OPERATION'")).isEqualTo(SERVICES);
	}

	@Test
	@Order(2)
	void shouldFireEveryDueReviewTimerExactlyOnceWhenANodeIsKilledMidRun() {
		// three months pass: every service's periodic review falls due at the same moment
		int due = this.jdbc.update("update act_ru_job set duedate_ = ? where job_def_id_ in "
				+ "(select id_ from act_ru_jobdef where act_id_ = ?)", Timestamp.from(Instant.now().minusSeconds(1)),
				REVIEW_TIMER);
		assertThat(due).isEqualTo(SERVICES);
		long dueAt = System.nanoTime();

		// kill -9 node-b in the middle of the work: it has fired some review timers and holds more it has not run
		await("node-b to be busy with review timers", Duration.ofMinutes(1), 10, () -> lockedBy(this.nodeB) > 0
				&& (firedBy(this.nodeB, REVIEW_TIMER) >= 5 || System.nanoTime() - dueAt > Duration.ofSeconds(5).toNanos()));
		this.nodeB.kill();
		long killedAt = System.nanoTime();
		List<Map<String, Object>> heldAtKill = this.jdbc.queryForList(
				"select id_, lock_exp_time_ from act_ru_job where lock_owner_ like ?", this.nodeB.name() + ":%");
		long reviewsAtKill = reviewTasks();

		// node-a finishes the work, taking over node-b's timers once their locks expire
		await("every review timer to fire", LOCK_TIME.plus(Duration.ofMinutes(2)),
				() -> reviewTasks() >= SERVICES && dueReviewTimers() == 0 && lockedBy(this.nodeB) == 0);
		long doneAfterKill = secondsSince(killedAt);

		Map<String, Long> fired = firedByNode(REVIEW_TIMER);
		Map<String, Long> reviewsPerService = perService(
				"select proc_inst_id_, count(*) from act_ru_task where task_def_key_ = ? group by proc_inst_id_",
				TASK_REVIEW_SERVICE);
		long duplicates = reviewsPerService.values().stream().mapToLong((n) -> n - 1).sum();
		long lost = SERVICES - reviewsPerService.size();
		Map<String, Long> nextTimersPerService = perService("select j.process_instance_id_, count(*) from act_ru_job j "
				+ "join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = ? group by j.process_instance_id_",
				REVIEW_TIMER);
		long failedRuns = count("select count(*) from act_hi_job_log where act_id_ = ? and job_state_ = 1", REVIEW_TIMER);
		List<Map<String, Object>> takenOver = takenOver(heldAtKill);
		long afterExpiry = takenOver.stream()
			.filter((run) -> !((Timestamp) run.get("timestamp_")).before((Timestamp) run.get("lock_exp_time_")))
			.count();

		report("review timers: %d due at once, %d fired %s, review tasks %d (%d before the kill), duplicates = %d, "
				+ "lost = %d, failed runs %d", SERVICES, sum(fired), fired, sum(reviewsPerService), reviewsAtKill,
				duplicates, lost, failedRuns);
		report("kill -9 %s %.1f s after the timers fell due, holding %d review timers; %s ran %d of them after their "
				+ "locks expired; all done %d s after the kill", this.nodeB.name(), (killedAt - dueAt) / 1e9,
				heldAtKill.size(), this.nodeA.name(), afterExpiry, doneAfterKill);
		report("next periodic reviews: %d services with exactly one timer, %d with more", nextTimersPerService.values()
			.stream()
			.filter((n) -> n == 1)
			.count(), nextTimersPerService.values().stream().filter((n) -> n > 1).count());

		assertThat(sum(fired)).as("timers fired").isEqualTo(SERVICES);
		assertThat(duplicates).as("duplicate review tasks").isZero();
		assertThat(lost).as("services without a review").isZero();
		assertThat(heldAtKill).as("review timers held by the killed node").isNotEmpty();
		assertThat(takenOver).hasSameSizeAs(heldAtKill)
			.allSatisfy((run) -> assertThat(run.get("hostname_")).isEqualTo(this.nodeA.name()));
		assertThat(afterExpiry).isEqualTo(heldAtKill.size());
		assertThat(nextTimersPerService).hasSize(SERVICES).allSatisfy((instance, n) -> assertThat(n).isEqualTo(1L));
	}

	@Test
	@Order(3)
	void shouldKeepEveryLifecycleWhenKilledWhileLifecyclesMove() throws Exception {
		LifecycleDriver steps = driverOn(this.nodeA);
		ApiClient manager = managerOf(steps);
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		// the stage a change sent but not answered before the kill leads to: it may or may not have committed
		Map<String, String> unanswered = new ConcurrentHashMap<>();
		AtomicBoolean killing = new AtomicBoolean();
		AtomicInteger cutOff = new AtomicInteger();
		int workers = 3;

		// reviews decided and new requests evaluated on the remaining node, until it is killed
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		List<Future<?>> running = new ArrayList<>();
		for (int worker = 0; worker < workers; worker++) {
			int first = worker;
			running.add(pool.submit(() -> {
				for (int i = first; i < SERVICES; i += workers) {
					try {
						String code = this.codes[i];
						String review = manager.tasks(code, TASK_REVIEW_SERVICE).get(0).get("id").asText();
						ReviewOutcome outcome = OUTCOMES[i % OUTCOMES.length];
						unanswered.put(code, STAGE_AFTER.get(outcome));
						manager.completeTask(review, LifecycleForms.serviceReview(outcome));
						acknowledged.put(code, unanswered.remove(code));
						if (i % 4 == 0) {
							String fresh = steps.request("Requested in flight " + i);
							acknowledged.put(fresh, "PROPOSED");
							unanswered.put(fresh, "DESIGN");
							steps.evaluateNeed(fresh, Decision.APPROVE);
							acknowledged.put(fresh, unanswered.remove(fresh));
						}
					}
					catch (RuntimeException | AssertionError ex) {
						if (killing.get()) {
							cutOff.incrementAndGet();
							return;
						}
						throw ex;
					}
				}
			}));
		}
		await("lifecycles to move", Duration.ofMinutes(1), () -> acknowledged.size() >= 30);
		killing.set(true);
		this.nodeA.kill();
		for (Future<?> worker : running) {
			worker.get(1, TimeUnit.MINUTES);
		}
		pool.shutdown();

		// what the database holds with no node running, then what the restarted node shows
		Map<String, Long> atKill = databaseFigures();
		long restarting = System.nanoTime();
		this.nodeA.start(START_TIMEOUT);
		long restartSeconds = secondsSince(restarting);
		ApiClient admin = new ApiClient(this.nodeA.baseUrl(), "admin", ADMIN_PASSWORD);
		Map<String, Long> afterRestart = apiFigures(admin);
		Map<String, String> shown = new TreeMap<>();
		Stream.concat(acknowledged.keySet().stream(), unanswered.keySet().stream())
			.forEach((code) -> shown.computeIfAbsent(code, (key) -> stageOrNone(admin, key)));
		long acknowledgedLost = acknowledged.entrySet()
			.stream()
			.filter((change) -> !change.getValue().equals(shown.get(change.getKey()))
					&& !shown.get(change.getKey()).equals(unanswered.get(change.getKey())))
			.count();
		long unansweredCommitted = unanswered.entrySet()
			.stream()
			.filter((change) -> change.getValue().equals(shown.get(change.getKey())))
			.count();
		JsonNode consistency = admin.get("/actuator/lifecycleconsistency").expect(200).body();

		report("kill -9 %s with lifecycles moving: %d changes acknowledged, %d requests cut off by the kill", this.nodeA.name(),
				acknowledged.size(), cutOff.get());
		report("after the restart (%d s): %s in the database at the kill, %s shown by the restarted node", restartSeconds,
				atKill, afterRestart);
		report("changes unanswered at the kill: %d, of which committed: %d", unanswered.size(), unansweredCommitted);
		report("acknowledged changes lost = %d; consistency check: %d services, %d running lifecycles, mismatches = %d",
				acknowledgedLost, consistency.get("services").asLong(), consistency.get("runningLifecycles").asLong(),
				consistency.get("mismatches").size());

		assertThat(cutOff.get()).as("requests in flight when killed").isPositive();
		assertThat(afterRestart).isEqualTo(atKill);
		assertThat(acknowledgedLost).isZero();
		assertThat(consistency.get("mismatches")).as(consistency.toString()).isEmpty();
		assertThat(consistency.get("consistent").asBoolean()).isTrue();
		assertThat(consistency.get("services").asLong()).isEqualTo(atKill.get("services"));
	}

	private Map<String, Long> databaseFigures() {
		Map<String, Long> figures = new TreeMap<>();
		figures.put("services", count("select count(*) from pmo_service"));
		figures.put("openTasks", count("select count(*) from act_ru_task"));
		figures.put("timers", count("select count(*) from act_ru_job where type_ = 'timer'"));
		figures.put("processInstances", count("select count(*) from act_ru_execution where id_ = proc_inst_id_"));
		return figures;
	}

	private static Map<String, Long> apiFigures(ApiClient admin) {
		Map<String, Long> figures = new TreeMap<>();
		figures.put("services", (long) ApiClient.list(admin.get("/api/services?size=500").expect(200).body()).size());
		figures.put("openTasks", admin.get("/engine-rest/task/count").expect(200).body().get("count").asLong());
		figures.put("timers", admin.get("/engine-rest/job/count?timers=true").expect(200).body().get("count").asLong());
		figures.put("processInstances",
				admin.get("/engine-rest/process-instance/count").expect(200).body().get("count").asLong());
		return figures;
	}

	private static String stageOrNone(ApiClient client, String code) {
		ApiClient.Response service = client.get("/api/services/" + code);
		return (service.status() == 200) ? service.body().get("stage").asText() : "none";
	}

	private static LifecycleDriver driverOn(ApplicationNode node) {
		return new LifecycleDriver(HttpTransport.demo(node.baseUrl()), People.DEMO);
	}

	private static ApiClient managerOf(LifecycleDriver driver) {
		return ((HttpTransport) driver.transport()).client(driver.people().manager());
	}

	private static void createPeople(ApiClient admin) {
		Map<String, String> groupOf = Map.of("paul", "service-customers", "mark", "pmo-managers", "anna",
				"pmo-analysts", "sara", "portfolio-board");
		groupOf.forEach((user, group) -> {
			admin.post("/engine-rest/user/create",
					Map.of("profile", Map.of("id", user, "firstName", user, "lastName", "Tester", "email",
							user + "@pmo.example"), "credentials", Map.of("password", user)))
				.expect(204);
			admin.put("/engine-rest/group/" + group + "/members/" + user, Map.of()).expect(204);
		});
	}

	private long lockedBy(ApplicationNode node) {
		return count("select count(*) from act_ru_job where lock_owner_ like ?", node.name() + ":%");
	}

	private long reviewTasks() {
		return count("select count(*) from act_ru_task where task_def_key_ = ?", TASK_REVIEW_SERVICE);
	}

	private long dueReviewTimers() {
		return count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
				+ "where d.act_id_ = ? and j.duedate_ < ?", REVIEW_TIMER, Timestamp.from(Instant.now().plus(Duration.ofDays(1))));
	}

	/** The successful runs of the given jobs, with the node that ran each and when its lock had expired. */
	private List<Map<String, Object>> takenOver(List<Map<String, Object>> held) {
		List<Map<String, Object>> runs = new ArrayList<>();
		for (Map<String, Object> job : held) {
			for (Map<String, Object> run : this.jdbc.queryForList(
					"select hostname_, timestamp_ from act_hi_job_log where job_id_ = ? and job_state_ = 2", job.get("id_"))) {
				run.put("lock_exp_time_", job.get("lock_exp_time_"));
				runs.add(run);
			}
		}
		return runs;
	}

	private long firedBy(ApplicationNode node, String timer) {
		return count("select count(*) from act_hi_job_log where act_id_ = ? and job_state_ = 2 and hostname_ = ?", timer,
				node.name());
	}

	private Map<String, Long> firedByNode(String timer) {
		return perService("select hostname_, count(*) from act_hi_job_log where act_id_ = ? and job_state_ = 2 "
				+ "group by hostname_", timer);
	}

	private Map<String, Long> perService(String sql, Object... arguments) {
		Map<String, Long> counts = new TreeMap<>();
		this.jdbc.query(sql, (row) -> {
			counts.put(row.getString(1), row.getLong(2));
		}, arguments);
		return counts;
	}

	private long count(String sql, Object... arguments) {
		Long count = this.jdbc.queryForObject(sql, Long.class, arguments);
		return (count != null) ? count : 0;
	}

	private static long sum(Map<String, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	private static void inParallel(int count, IntConsumer work) {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<?>> results = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				results.add(pool.submit(() -> work.accept(index)));
			}
			for (Future<?> result : results) {
				result.get(5, TimeUnit.MINUTES);
			}
		}
		catch (Exception ex) {
			throw new AssertionError(ex.getCause() != null ? ex.getCause() : ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void await(String what, Duration timeout, BooleanSupplier condition) {
		await(what, timeout, 250, condition);
	}

	private static void await(String what, Duration timeout, long pollMillis, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
			}
			ApplicationNode.sleep(pollMillis);
		}
	}

	private static long secondsSince(long nanoTime) {
		return Math.round((System.nanoTime() - nanoTime) / 1e9);
	}

	private static void report(String format, Object... arguments) {
		System.out.println("[cluster-check] " + String.format(format, arguments));
	}

}
