package org.pmo.servicelifecycle.bench;

import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.SUBPROCESS_OPERATE_SERVICE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.variable.VariableMap;
import org.pmo.servicelifecycle.PmoServiceLifecycleApplication;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.demo.EngineTransport;
import org.pmo.servicelifecycle.demo.LifecycleDriver;
import org.pmo.servicelifecycle.demo.People;
import org.pmo.servicelifecycle.identity.Organisation;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceRequests;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application under test, started in the benchmark's JVM with the profile {@code postgres} on a fresh database,
 * as production starts it (authorization on, four-eyes, the configured job executor and pool). Lifecycles are driven
 * through the service layer the REST API uses and the engine's Java API, as real users; REST scenarios go over HTTP
 * to its port.
 */
final class AppUnderTest implements AutoCloseable {

	static final String PASSWORD = "bench-secret";

	static final String REQUESTER = "benchrequester";

	static final String ANALYST = "benchanalyst";

	static final String BOARD = "benchboard";

	static final String OWNER = "benchowner";

	static final String BARE_KEY = "bench-bare-lifecycle";

	final ConfigurableApplicationContext context;

	final int port;

	final String database;

	final JdbcTemplate jdbc;

	final List<String> managers = new ArrayList<>();

	private final ServiceRequests requests;

	private final ServiceCatalog catalog;

	private final RuntimeService runtimeService;

	private final TransactionTemplate transactions;

	private final People people = new People(REQUESTER, ANALYST, "benchmanager00", BOARD);

	private final EngineTransport engineApi;

	private final LifecycleDriver lifecycle;

	private final AtomicInteger sequence = new AtomicInteger();

	private AppUnderTest(ConfigurableApplicationContext context, String database) {
		this.context = context;
		this.database = database;
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.requests = context.getBean(ServiceRequests.class);
		this.catalog = context.getBean(ServiceCatalog.class);
		this.runtimeService = context.getBean(RuntimeService.class);
		this.engineApi = new EngineTransport(context.getBean(ProcessEngine.class), this.requests);
		this.lifecycle = new LifecycleDriver(this.engineApi, this.people);
		this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
	}

	static AppUnderTest start(DatabaseServer server, String database, int approvers) {
		SpringApplication application = new SpringApplication(PmoServiceLifecycleApplication.class);
		List<String> arguments = new ArrayList<>(List.of("--ADMIN_PASSWORD=" + PASSWORD, "--server.port=0",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--logging.level.org.camunda.bpm.engine.context=ERROR",
				// the bare baseline's tasks are worked as the lifecycle's are, through the same allowlist
				"--pmo.engine.baseline-processes=" + BARE_KEY));
		// bench.app.args: settings to compare, e.g. -Dbench.app.args=--camunda.bpm.job-execution.max-jobs-per-acquisition=16
		for (String argument : System.getProperty("bench.app.args", "").trim().split("\\s+")) {
			if (!argument.isEmpty()) {
				arguments.add(argument);
			}
		}
		if (server.isPostgres()) {
			// as production runs it
			application.setAdditionalProfiles("postgres");
			arguments.addAll(List.of("--DB_URL=" + server.jdbcUrl(database), "--DB_USERNAME=" + server.user(),
					"--DB_PASSWORD=" + server.password()));
		}
		else {
			// the embedded default's settings on a database of the run's own, without the demo catalog
			arguments.addAll(List.of("--spring.datasource.url=" + server.jdbcUrl(database),
					"--spring.datasource.username=" + server.user(), "--spring.datasource.password=" + server.password(),
					"--pmo.demo.enabled=false", "--pmo.admin.user=admin", "--pmo.admin.password=" + PASSWORD));
		}
		ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
		AppUnderTest app = new AppUnderTest(context, database);
		try {
			app.createUsers(approvers);
		}
		catch (RuntimeException ex) {
			context.close();
			throw ex;
		}
		return app;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	private void createUsers(int approvers) {
		Organisation organisation = this.context.getBean(Organisation.class);
		organisation.ensureUser(REQUESTER, "Bench", "Requester", PASSWORD, "service-customers");
		organisation.ensureUser(ANALYST, "Bench", "Analyst", PASSWORD, "pmo-analysts");
		organisation.ensureUser(BOARD, "Bench", "Board", PASSWORD, "portfolio-board");
		organisation.ensureUser(OWNER, "Bench", "Process owner", PASSWORD, "pmo-process-owners");
		for (int i = 0; i < approvers; i++) {
			String manager = String.format("benchmanager%02d", i);
			organisation.ensureUser(manager, "Bench", "Manager " + i, PASSWORD, "pmo-managers");
			this.managers.add(manager);
		}
	}

	/** Deploys the bare process into the application's engine, with the grants its users need to work on it. */
	void deployBare(byte[] bpmn) {
		this.context.getBean(RepositoryService.class)
			.createDeployment()
			.name("benchmark bare lifecycle")
			.addInputStream("bench-bare-lifecycle.bpmn", new java.io.ByteArrayInputStream(bpmn))
			.deploy();
		AuthorizationService authorizations = this.context.getBean(AuthorizationService.class);
		grant(authorizations, "service-customers", ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.CREATE_INSTANCE);
		for (String group : List.of("pmo-managers", "pmo-analysts", "portfolio-board")) {
			// as the application grants its work groups on the lifecycles: task rights per definition
			grant(authorizations, group, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK,
					ProcessDefinitionPermissions.TASK_WORK);
		}
	}

	private static void grant(AuthorizationService authorizations, String group, Permission... permissions) {
		Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(Resources.PROCESS_DEFINITION);
		authorization.setResourceId(BARE_KEY);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		authorizations.saveAuthorization(authorization);
	}

	// ---- lifecycle throughput -------------------------------------------------------------------------------------

	static ServiceRequest newRequest(int n) {
		return new ServiceRequest("Benchmark service " + n,
				"A service raised by the benchmark to measure the lifecycle's throughput.",
				Set.of(CustomerSegment.PROJECT_MANAGERS), OfferingLevel.ADDITIONAL);
	}

	/** Raises a request through the service layer the REST API uses. */
	void request() {
		this.lifecycle.request(newRequest(this.sequence.incrementAndGet()));
	}

	/** One service from request to OPERATION: five gates approved by real users, the pilot timer executed. */
	int carryToOperation(String manager) {
		this.lifecycle.with(this.people.withManager(manager)).live(newRequest(this.sequence.incrementAndGet()),
				LifecycleDriver.REVIEW_CYCLE);
		return 5;
	}

	/** A request raised and its need approved: its lifecycle waits at "Design service"; returns its code. */
	String toDesign() {
		String code = this.lifecycle.request(newRequest(this.sequence.incrementAndGet()));
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		return code;
	}

	/** The bare process the same way: the same users, the same calls (task and job found by business key). */
	int carryBareToOperation(String manager) {
		String code = "BARE-" + this.sequence.incrementAndGet();
		this.engineApi.as(REQUESTER,
				() -> this.runtimeService.startProcessInstanceByKey(BARE_KEY, code).getId());
		Map<String, Object> approve = Map.of(Variables.DECISION, Decision.APPROVE.value());
		this.engineApi.complete(manager, code, "Task_1", approve);
		this.engineApi.complete(ANALYST, code, "Task_2", approve);
		this.engineApi.complete(BOARD, code, "Task_3", approve);
		this.engineApi.runJob(code, "Timer_Pilot");
		this.engineApi.complete(manager, code, "Task_4", approve);
		this.engineApi.complete(BOARD, code, "Task_5", approve);
		return 5;
	}

	// ---- bulk load ------------------------------------------------------------------------------------------------

	/**
	 * A live service: registered in the catalog and its lifecycle started at "Operate service" with the variables
	 * the gates would have set, in one transaction. The stage listener moves it to OPERATION and schedules its
	 * periodic review, as after a go-live.
	 */
	void liveService() {
		this.transactions.executeWithoutResult((status) -> {
			ServiceRequest request = newRequest(this.sequence.incrementAndGet());
			PmoService service = this.catalog.register(request, REQUESTER);
			VariableMap variables = ServiceRequests.variablesOf(request)
				.putValue(Variables.SERVICE_CODE, service.getCode())
				.putValue(Variables.REQUESTED_BY, REQUESTER)
				.putValue(Variables.DESIGNED_BY, ANALYST)
				.putValue(Variables.SERVICE_OWNER, ANALYST)
				.putValue(Variables.PILOT_PERIOD, LifecycleDriver.PILOT_PERIOD)
				.putValue(Variables.REVIEW_CYCLE, LifecycleDriver.REVIEW_CYCLE);
			String instance = this.runtimeService.createProcessInstanceByKey(ServiceLifecycleProcess.KEY)
				.businessKey(service.getCode())
				.setVariables(variables)
				.startBeforeActivity(SUBPROCESS_OPERATE_SERVICE)
				.execute()
				.getProcessInstanceId();
			this.catalog.linkLifecycle(service.getCode(), instance);
		});
	}

	/** A bare instance waiting at operation with its periodic review timer, started without the user tasks. */
	void liveBare() {
		this.runtimeService.createProcessInstanceByKey(BARE_KEY).startBeforeActivity("Operate").execute();
	}

	/** A bare instance waiting at its first task (PMO managers). */
	void openBare() {
		this.engineApi.as(REQUESTER, () -> this.runtimeService.startProcessInstanceByKey(BARE_KEY).getId());
	}

	interface Work {

		int run(int index, int thread) throws Exception;

	}

	/** Runs {@code count} pieces of work on {@code threads} threads; returns the sum of what they report. */
	static int parallel(int count, int threads, Work work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger next = new AtomicInteger();
		AtomicInteger total = new AtomicInteger();
		try {
			List<Future<Object>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				futures.add(pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < count) {
						total.addAndGet(work.run(i, thread));
					}
					return null;
				}));
			}
			for (Future<Object> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return total.get();
	}

	Map<String, Object> row(String sql, Object... args) {
		return new HashMap<>(this.jdbc.queryForMap(sql, args));
	}

	long count(String sql, Object... args) {
		Long value = this.jdbc.queryForObject(sql, Long.class, args);
		return (value != null) ? value : 0;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
