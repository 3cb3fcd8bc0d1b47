package org.pmo.servicelifecycle.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_REVIEW_PILOT;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_REVIEW_SERVICE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement.TASK_PLAN_RETIREMENT;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.ApiClient;
import org.pmo.servicelifecycle.HttpTransport;
import org.pmo.servicelifecycle.TestUsers;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.ReviewOutcome;
import org.pmo.servicelifecycle.demo.LifecycleDriver;
import org.pmo.servicelifecycle.demo.LifecycleForms;
import org.pmo.servicelifecycle.demo.People;
import org.pmo.servicelifecycle.identity.Organisation;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lifecycle on PostgreSQL as production runs it: timers fired and async steps run by the job executor, a message
 * correlated, the catalog moved in the engine's transactions, and the consistency check an operator runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@PostgresTest
class LifecycleOnPostgresTests {

	private static final LocalDate RETIREMENT_DAY = LocalDate.parse("2030-12-31");

	@LocalServerPort
	private int port;

	@Value("${" + PostgresTestDatabase.DATABASE_PROPERTY + "}")
	private String database;

	@Autowired
	private Organisation organisation;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ProcessEngine processEngine;

	@Autowired
	private RuntimeService runtimeService;

	private LifecycleDriver lifecycle;

	private ApiClient manager;

	private ApiClient administrator;

	@BeforeEach
	void createUsers() {
		TestUsers.create(this.organisation);
		String baseUrl = "http://localhost:" + this.port;
		// demo asks for services here: the catalog tests lock paul for a moment with a wrong password
		HttpTransport transport = HttpTransport.demo(baseUrl);
		this.lifecycle = new LifecycleDriver(transport, new People("demo", "anna", "mark", "sara"));
		this.manager = transport.client("mark");
		this.administrator = transport.client("demo");
	}

	@Test
	void shouldRunOnItsOwnPostgresDatabaseWithReadCommitted() {
		assertThat(this.jdbc.queryForObject("select current_database()", String.class)).isEqualTo(this.database);
		assertThat(this.jdbc.queryForObject("show transaction_isolation", String.class)).isEqualTo("read committed");
		assertThat(((ProcessEngineConfigurationImpl) this.processEngine.getProcessEngineConfiguration())
			.getDatabaseType()).isEqualTo("postgres");
		assertThat(this.jdbc.queryForList("select version from flyway_schema_history where success", String.class))
			.contains("1");
		assertThat(this.jdbc.queryForList("select version_ from act_ge_schema_log", String.class)).contains("7.24.0");
	}

	@Test
	void shouldFireTimersRunAsyncStepsAndCorrelateMessagesOnPostgres() {
		// given a service in a two-week pilot, reviewed monthly
		String code = this.lifecycle.request("Benefits realisation review");
		this.lifecycle.toPilot(code, "P14D", "R/P1M");
		assertThat(this.manager.stage(code)).isEqualTo("PILOT");
		// as if the weeks had passed: the pilot timer falls due now
		makeDue(code, TASK_PILOT_TIMER);

		JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) this.processEngine.getProcessEngineConfiguration())
			.getJobExecutor();
		jobExecutor.setWaitTimeInMillis(200);
		jobExecutor.setMaxWait(500);
		jobExecutor.start();
		try {
			// when the job executor fires the pilot timer
			await("the pilot timer", () -> !this.manager.tasks(code, TASK_REVIEW_PILOT).isEmpty());
			this.lifecycle.reviewPilot(code, Decision.APPROVE);
			this.lifecycle.approveGoLive(code, Decision.APPROVE);
			assertThat(this.manager.stage(code)).isEqualTo("OPERATION");

			// then the periodic review, once due, opens by itself, and a complaint joins it: one review at a time
			makeDue(code, REVIEW_TIMER);
			await("a periodic review", () -> !this.manager.tasks(code, TASK_REVIEW_SERVICE).isEmpty());
			this.manager.requestReview(code, "Complaint from a programme manager");
			List<JsonNode> reviews = this.manager.tasks(code, TASK_REVIEW_SERVICE);
			assertThat(reviews).hasSize(1);
			assertThat(history(code)).filteredOn((entry) -> entry.get("kind").asText().startsWith("REVIEW_"))
				.extracting((entry) -> entry.get("kind").asText() + ": " + entry.get("comment").asText())
				.contains("REVIEW_OPENED: Periodic review (cycle R/P1M)",
						"REVIEW_JOINED: Complaint from a programme manager");

			// and a retirement runs its asynchronous steps on the job executor
			this.manager.completeTask(reviews.get(0).get("id").asText(),
					LifecycleForms.serviceReview(ReviewOutcome.RETIRE));
			this.lifecycle.planRetirement(code, RETIREMENT_DAY);
			this.lifecycle.approveRetirement(code, RETIREMENT_DAY, Decision.APPROVE);
			// the customers are told at once; the service stays live until the retirement date's timer
			await("the customers told", () -> history(code).stream()
				.anyMatch((entry) -> "CUSTOMERS_NOTIFIED".equals(entry.get("kind").asText())));
			assertThat(this.manager.stage(code)).isEqualTo("RETIREMENT");
			makeDue(code, ServiceLifecycleProcess.RETIREMENT_KEY, Retirement.EVENT_RETIREMENT_DATE_REACHED);
			await("the retirement", () -> "RETIRED".equals(this.manager.stage(code)));
		}
		finally {
			jobExecutor.shutdown();
		}
		assertThat(this.manager.tasks(code, TASK_PLAN_RETIREMENT)).isEmpty();
		assertThat(history(code)).extracting((entry) -> entry.get("kind").asText())
			.contains("CUSTOMERS_NOTIFIED", "DECOMMISSIONED");
		assertThat(mismatchesOf(code)).isEmpty();
	}

	@Test
	void shouldFindCatalogStagesThatDisagreeWithTheirLifecycle() {
		// given a request waiting for evaluation, and a service whose lifecycle an operator deleted in Cockpit
		String waiting = this.lifecycle.request("Schedule health check");
		String deleted = this.lifecycle.request("Quality assurance review");
		this.runtimeService.deleteProcessInstance(this.manager.service(deleted).get("lifecycleInstanceId").asText(),
				"removed by an operator");
		assertThat(mismatchesOf(waiting)).isEmpty();

		// when the catalog is changed behind the engine's back
		this.jdbc.update("update pmo_service set stage = 'OPERATION' where code = ?", waiting);
		try {
			// then the check names both services and what is wrong
			JsonNode tampered = mismatchesOf(waiting).get(0);
			assertThat(tampered.get("catalogStage").asText()).isEqualTo("OPERATION");
			assertThat(tampered.get("lifecycleStage").asText()).isEqualTo("PROPOSED");
			assertThat(tampered.get("lifecycleState").asText()).isEqualTo("waiting at Task_EvaluateNeed");
			JsonNode orphaned = mismatchesOf(deleted).get(0);
			assertThat(orphaned.get("catalogStage").asText()).isEqualTo("PROPOSED");
			assertThat(orphaned.get("lifecycleState").asText()).contains("TERMINATED");
			assertThat(consistency().get("consistent").asBoolean()).isFalse();
		}
		finally {
			this.jdbc.update("update pmo_service set stage = 'PROPOSED' where code = ?", waiting);
		}
		assertThat(mismatchesOf(waiting)).isEmpty();
	}

	@Test
	void shouldRefuseARequirementThatClosesALoopOnPostgres() {
		String first = this.lifecycle.request("Change advisory board");
		String second = this.lifecycle.request("Release calendar");
		String third = this.lifecycle.request("Deployment window planning");
		ApiClient analyst = new ApiClient(this.administrator.baseUrl(), "anna", "anna");
		analyst.put("/api/services/" + second + "/business-case", requiring(first)).expect(200);
		analyst.put("/api/services/" + third + "/business-case", requiring(second)).expect(200);

		ApiClient.Response loop = analyst.put("/api/services/" + first + "/business-case", requiring(third));

		assertThat(loop.status()).isEqualTo(400);
		assertThat(loop.text())
			.contains("would make a loop: " + first + " → " + third + " → " + second + " → " + first);
		assertThat(analyst.get("/api/services/" + first + "/business-case").status()).isEqualTo(404);
	}

	private static java.util.Map<String, Object> requiring(String code) {
		return java.util.Map.of("annualCost", 5, "effortDays", 1, "requires", List.of(code));
	}

	@Test
	void shouldShowTheConsistencyCheckToAdministratorsOnly() {
		String baseUrl = this.administrator.baseUrl();
		assertThat(new ApiClient(baseUrl, "nobody", "").get("/actuator/lifecycleconsistency").status())
			.isEqualTo(401);
		assertThat(new ApiClient(baseUrl, "mark", "mark").get("/actuator/lifecycleconsistency").status())
			.isEqualTo(403);
		assertThat(this.administrator.get("/actuator/lifecycleconsistency").status()).isEqualTo(200);
		assertThat(new ApiClient(baseUrl, "nobody", "").get("/actuator/health").status()).isEqualTo(200);
	}

	private JsonNode consistency() {
		return this.administrator.get("/actuator/lifecycleconsistency").expect(200).body();
	}

	private List<JsonNode> mismatchesOf(String code) {
		return ApiClient.list(consistency().get("mismatches"))
			.stream()
			.filter((mismatch) -> code.equals(mismatch.get("code").asText()))
			.toList();
	}

	private List<JsonNode> history(String code) {
		return ApiClient.list(this.manager.get("/api/services/" + code + "/history").expect(200).body());
	}

	private static final String TASK_PILOT_TIMER = ServiceLifecycleProcess.Lifecycle.EVENT_PILOT_PERIOD_OVER;

	private static final String REVIEW_TIMER = ServiceLifecycleProcess.Lifecycle.EVENT_PERIODIC_REVIEW_DUE;

	/** Brings a lifecycle's timer forward to now, as an operator would in Cockpit. */
	private void makeDue(String code, String timerId) {
		makeDue(code, ServiceLifecycleProcess.KEY, timerId);
	}

	/** Once the job executor has reached the timer (its step may still be committing), it falls due now. */
	private void makeDue(String code, String processKey, String timerId) {
		ManagementService management = this.processEngine.getManagementService();
		await("the timer " + timerId, () -> timerOf(management, code, processKey, timerId) != null);
		management.setJobDuedate(timerOf(management, code, processKey, timerId).getId(), new Date());
	}

	private Job timerOf(ManagementService management, String code, String processKey, String timerId) {
		return this.processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(code)
			.list()
			.stream()
			.map((instance) -> management.createJobQuery().processInstanceId(instance.getId()).activityId(timerId)
				.singleResult())
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting for " + what);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
