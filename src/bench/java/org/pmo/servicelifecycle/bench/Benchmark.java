package org.pmo.servicelifecycle.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;

/**
 * The benchmark suite: the application against two baselines, in one run, on one PostgreSQL server.
 * <ul>
 * <li><b>app</b>: the application as production runs it (profile {@code postgres}, authorization on), in this JVM;</li>
 * <li><b>baseline</b> (overhead): a bare process with the same user tasks and timers, no listeners, no catalog,
 * deployed by the benchmark into the application's own engine and driven the same way;</li>
 * <li><b>stock</b>: the same bare process on Camunda 7.24.0 with the Spring Boot starter's defaults (bench/stock), a
 * JVM of its own on a database of its own.</li>
 * </ul>
 * Run it with {@code bench/run quick|full}. It prints medians with their spread (min–max over the repetitions) and
 * the ratios app/baseline and app/stock; it asserts nothing.
 */
public final class Benchmark {

	/** Sizes of one run. */
	record Mode(String name, int warmup, int reps, int perRep, int approvalsPerRep, int approvers, int races, int live,
			int burst, int inboxSamples, int readyReps) {
	}

	static final Mode QUICK = new Mode("quick", 4, 3, 8, 40, 20, 10, 400, 200, 30, 1);

	static final Mode FULL = new Mode("full", 100, 5, 40, 150, 20, 50, 10_000, 5_000, 200, 3);

	private static final int LIFECYCLE_THREADS = 2;

	private static final int LOAD_THREADS = 4;

	private static final String MANAGERS_FILTER = "PMO managers' tasks";

	private static final String INBOX_QUERY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
			+ "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";

	/** The query of the application's saved filter for the PMO managers, saved on stock the same way. */
	private static final String MANAGERS_FILTER_QUERY = "{\"candidateGroup\":\"pmo-managers\",\"includeAssignedTasks\":true}";

	private final Mode mode;

	private final Path appJar;

	private final Path stockJar;

	private final Path workDirectory;

	private final List<Row> rows = new ArrayList<>();

	private final List<String> evidence = new ArrayList<>();

	private final long started = System.nanoTime();

	/** {@code --h2}: every system on an H2 file database instead of PostgreSQL. */
	private final boolean h2;

	private DatabaseServer server;

	private AppUnderTest app;

	private StockNode stock;

	private Benchmark(Mode mode, Path appJar, Path stockJar, Path workDirectory, boolean h2) {
		this.mode = mode;
		this.h2 = h2;
		this.appJar = appJar;
		this.stockJar = stockJar;
		this.workDirectory = workDirectory;
	}

	/** A line of the table: one figure for the application and, where it applies, the two baselines. */
	record Row(String scenario, String metric, Stats app, Stats baseline, Stats stock, int decimals, boolean higherIsBetter) {
	}

	public static void main(String[] args) throws Exception {
		Mode mode = (args.length > 0 && args[0].equals("full")) ? FULL : QUICK;
		boolean h2 = List.of(args).contains("--h2");
		Path appJar = Path.of(System.getProperty("bench.app.jar"));
		Path stockJar = Path.of(System.getProperty("bench.stock.jar"));
		Path work = Files.createDirectories(Path.of(System.getProperty("bench.work", "target/bench")));
		int status = 0;
		Benchmark benchmark = new Benchmark(mode, appJar, stockJar, work, h2);
		try {
			benchmark.run();
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private void run() throws Exception {
		say("mode %s on %d cores, %s; load average at start %s", this.mode.name(), CpuMeter.cores(), memory(), loadAverage());
		readyTime();
		this.server = this.h2 ? new H2Files(this.workDirectory) : PostgresServer.start();
		if (this.server.isPostgres()) {
			say("PostgreSQL %s: %s (shared_buffers %s, max_connections %s)", this.server.version(),
					this.server.description(), this.server.setting("shared_buffers"), this.server.setting("max_connections"));
		}
		else {
			say("%s: %s (app, baseline and stock each on a file database of their own)", this.server.version(),
					this.server.description());
		}
		String appDatabase = this.server.createDatabase("");
		String stockDatabase = this.server.createDatabase("_stock");
		try {
			List<String> jvm = List.of("-Xmx2g");
			// the stock JVM starts while the application starts here
			this.stock = StockNode.launch(this.stockJar, this.server, stockDatabase, jvm, this.workDirectory.resolve("stock.log"));
			this.app = AppUnderTest.start(this.server, appDatabase, this.mode.approvers());
			say("application up on port %d, database %s", this.app.port, appDatabase);
			this.stock.awaitReady();
			say("stock Camunda 7.24.0 (starter defaults) up on port %d, database %s", this.stock.port, stockDatabase);
			byte[] bare = bareModel();
			this.app.deployBare(bare);
			Http.Response deployed = this.stock.rest.deploy("benchmark bare lifecycle", "bench-bare-lifecycle.bpmn", bare);
			check(deployed.ok(), "deploy to stock: " + deployed.status() + " " + deployed.body());

			// bench.scenarios (for working on one figure): a comma-separated subset, in this order
			String only = System.getProperty("bench.scenarios",
					"lifecycle,approvals,races,load,inbox,pages,design,footprint,burst,mix,migration");
			List<String> scenarios = List.of(only.split(","));
			if (scenarios.contains("lifecycle")) {
				lifecycleThroughput();
			}
			if (scenarios.contains("approvals")) {
				restApprovals();
			}
			if (scenarios.contains("races")) {
				races();
			}
			if (scenarios.contains("load")) {
				bulkLoad();
			}
			if (scenarios.contains("inbox")) {
				inboxLatency();
			}
			if (scenarios.contains("pages")) {
				pages();
			}
			if (scenarios.contains("design")) {
				designUnderLoad();
			}
			if (scenarios.contains("footprint")) {
				footprint();
			}
			if (scenarios.contains("burst")) {
				timerBursts();
			}
			if (scenarios.contains("mix")) {
				serviceMix();
			}
			if (scenarios.contains("migration")) {
				migration();
			}
			// tables PostgreSQL read by sequential scans during the whole run: where an index is missing
			if (this.server.isPostgres()) {
				evidence("sequential scans in the app's database over the run (table: scans, rows read)",
						this.app.jdbc.queryForList("select relname || ': ' || seq_scan || ', ' || seq_tup_read "
								+ "from pg_stat_user_tables where seq_tup_read > 0 order by seq_tup_read desc limit 8",
								String.class).toString());
			}
		}
		finally {
			close();
			// bench.keep-databases=true leaves both databases on the server, for looking at plans and tables afterwards
			if (Boolean.getBoolean("bench.keep-databases")) {
				say("databases kept: %s, %s", appDatabase, stockDatabase);
			}
			else {
				this.server.dropDatabase(appDatabase);
				this.server.dropDatabase(stockDatabase);
			}
			this.server.close();
		}
		printTable();
	}

	// ---- footprint: time to ready on the embedded default -------------------------------------------------------

	private void readyTime() throws Exception {
		int reps = Integer.getInteger("bench.ready.reps", this.mode.readyReps());
		if (reps == 0) {
			return;
		}
		ReadyTimes starts = new ReadyTimes(this.appJar, this.workDirectory);
		List<ReadyTimes.Launch> launches = starts.prepare();
		Map<ReadyTimes.Launch, List<Double>> seconds = new LinkedHashMap<>();
		launches.forEach((launch) -> seconds.put(launch, new ArrayList<>()));
		// the launches take turns, so that a busier moment of the machine does not fall on one of them alone
		for (int rep = 0; rep < reps; rep++) {
			for (ReadyTimes.Launch launch : launches) {
				seconds.get(launch).add(starts.secondsToReady(launch));
			}
		}
		starts.clean();
		for (ReadyTimes.Launch launch : launches) {
			Stats stats = Stats.of(seconds.get(launch));
			boolean target = launch == launches.get(0);
			say("ready on the embedded default (first start: schema, demo users and catalog on a fresh H2 file), %s: %s s",
					launch.name(), stats.summary(1));
			this.rows.add(new Row("footprint", target ? "time to ready, embedded default, first start (s)"
					: "time to ready, embedded default, " + launch.name() + " (s)", stats, null, null, 1, false));
		}
	}

	// ---- lifecycle throughput -----------------------------------------------------------------------------------

	private void lifecycleThroughput() throws Exception {
		int warmup = this.mode.warmup();
		timed(() -> AppUnderTest.parallel(warmup, LIFECYCLE_THREADS, (i, t) -> this.app.carryToOperation(manager(t))));
		timed(() -> AppUnderTest.parallel(warmup, LIFECYCLE_THREADS, (i, t) -> this.app.carryBareToOperation(manager(t))));
		this.stock.lifecycles(warmup, LIFECYCLE_THREADS);
		List<Double> app = new ArrayList<>();
		List<Double> bare = new ArrayList<>();
		List<Double> stock = new ArrayList<>();
		int n = this.mode.perRep();
		String[] usage = new String[3];
		for (int rep = 0; rep < this.mode.reps(); rep++) {
			CpuMeter meter = CpuMeter.start(this.stock.pid());
			DbSampler db = DbSampler.start(this.server, this.app.database);
			app.add(n / timed(() -> AppUnderTest.parallel(n, LIFECYCLE_THREADS, (i, t) -> this.app.carryToOperation(manager(t)))));
			db.close();
			usage[0] = meter.stop() + "; " + db + "; " + db.perUnit(n, "service");
			meter = CpuMeter.start(this.stock.pid());
			db = DbSampler.start(this.server, this.app.database);
			bare.add(n / timed(() -> AppUnderTest.parallel(n, LIFECYCLE_THREADS, (i, t) -> this.app.carryBareToOperation(manager(t)))));
			db.close();
			usage[1] = meter.stop() + "; " + db + "; " + db.perUnit(n, "service");
			meter = CpuMeter.start(this.stock.pid());
			db = DbSampler.start(this.server, this.stock.database);
			stock.add(n / this.stock.lifecycles(n, LIFECYCLE_THREADS));
			db.close();
			usage[2] = meter.stop() + "; " + db + "; " + db.perUnit(n, "service");
			say("lifecycle throughput rep %d: app %.2f, baseline %.2f, stock %.2f services/s", rep + 1, last(app), last(bare),
					last(stock));
		}
		evidence("lifecycle throughput, app", usage[0]);
		evidence("lifecycle throughput, baseline", usage[1]);
		evidence("lifecycle throughput, stock", usage[2]);
		this.rows.add(new Row("lifecycle throughput (2 threads)", "services to OPERATION per s", Stats.of(app), Stats.of(bare),
				Stats.of(stock), 2, true));
		this.rows.add(new Row("lifecycle throughput (2 threads)", "task completions per s", Stats.of(times(app, 5)),
				Stats.of(times(bare, 5)), Stats.of(times(stock, 5)), 1, true));
	}

	// ---- REST approvals under load ------------------------------------------------------------------------------

	private record ApprovalRun(double perSecond, List<Double> latencies, int errors, String firstError) {
	}

	private void restApprovals() throws Exception {
		int approvers = this.mode.approvers();
		Http[] appClients = new Http[approvers];
		Http[] stockClients = new Http[approvers];
		for (int i = 0; i < approvers; i++) {
			appClients[i] = new Http(this.app.baseUrl(), manager(i), AppUnderTest.PASSWORD);
			stockClients[i] = this.stock.rest;
		}
		String appFields = "{\"variables\":{\"strategicFit\":{\"value\":\"high\"},\"valueToOrganisation\":{\"value\":4},"
				+ "\"decision\":{\"value\":\"approve\"}}}";
		String bareFields = "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}";
		List<Double> appRates = new ArrayList<>();
		List<Double> bareRates = new ArrayList<>();
		List<Double> stockRates = new ArrayList<>();
		List<Double> appLatency = new ArrayList<>();
		List<Double> bareLatency = new ArrayList<>();
		List<Double> stockLatency = new ArrayList<>();
		int[] errors = new int[3];
		String[] usage = new String[3];
		String firstError = null;
		for (int rep = 0; rep <= this.mode.reps(); rep++) {
			boolean warmup = rep == 0;
			int n = warmup ? Math.max(40, this.mode.approvalsPerRep() / 4) : this.mode.approvalsPerRep();
			AppUnderTest.parallel(n, LIFECYCLE_THREADS, (i, t) -> {
				this.app.request();
				return 1;
			});
			AppUnderTest.parallel(n, LIFECYCLE_THREADS, (i, t) -> {
				this.app.openBare();
				return 1;
			});
			this.stock.load(n, LIFECYCLE_THREADS, false);
			List<String> appTasks = this.app.jdbc.queryForList(
					"select id_ from act_ru_task where task_def_key_ = ? and assignee_ is null", String.class,
					Lifecycle.TASK_EVALUATE_NEED);
			List<String> bareTasks = this.app.jdbc.queryForList(
					"select id_ from act_ru_task where task_def_key_ = 'Task_1' and assignee_ is null", String.class);
			List<String> stockTasks = stockIds("select id_ from act_ru_task where task_def_key_ = 'Task_1' and assignee_ is null");
			CpuMeter meter = CpuMeter.start(this.stock.pid());
			ApprovalRun a = approve(appClients, appTasks, appFields);
			usage[0] = meter.stop().toString();
			meter = CpuMeter.start(this.stock.pid());
			ApprovalRun b = approve(appClients, bareTasks, bareFields);
			usage[1] = meter.stop().toString();
			meter = CpuMeter.start(this.stock.pid());
			ApprovalRun s = approve(stockClients, stockTasks, bareFields);
			usage[2] = meter.stop().toString();
			if (warmup) {
				continue;
			}
			appRates.add(a.perSecond());
			bareRates.add(b.perSecond());
			stockRates.add(s.perSecond());
			appLatency.addAll(a.latencies());
			bareLatency.addAll(b.latencies());
			stockLatency.addAll(s.latencies());
			errors[0] += a.errors();
			errors[1] += b.errors();
			errors[2] += s.errors();
			for (ApprovalRun run : List.of(a, b, s)) {
				if (firstError == null && run.firstError() != null) {
					firstError = run.firstError();
				}
			}
			say("REST approvals rep %d (%d each, %d approvers): app %.1f/s, baseline %.1f/s, stock %.1f/s", rep, n, approvers,
					a.perSecond(), b.perSecond(), s.perSecond());
		}
		evidence("REST approvals, app", usage[0]);
		evidence("REST approvals, baseline", usage[1]);
		evidence("REST approvals, stock", usage[2]);
		if (firstError != null) {
			evidence("REST approvals, first error", firstError);
		}
		String scenario = "REST approvals (" + approvers + " approvers, claim + complete)";
		this.rows.add(new Row(scenario, "completions per s", Stats.of(appRates), Stats.of(bareRates), Stats.of(stockRates), 1, true));
		Stats al = Stats.of(appLatency);
		Stats bl = Stats.of(bareLatency);
		Stats sl = Stats.of(stockLatency);
		for (int p : new int[] { 50, 95, 99 }) {
			this.rows.add(new Row(scenario, "complete latency p" + p + " (ms)", single(al.percentile(p)),
					single(bl.percentile(p)), single(sl.percentile(p)), 1, false));
		}
		this.rows.add(new Row(scenario, "errors", single(errors[0]), single(errors[1]), single(errors[2]), 0, false));
	}

	private ApprovalRun approve(Http[] clients, List<String> tasks, String fields) throws Exception {
		ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(tasks);
		List<Double> latencies = new CopyOnWriteArrayList<>();
		AtomicInteger errors = new AtomicInteger();
		List<String> errorTexts = new CopyOnWriteArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(clients.length);
		long start = System.nanoTime();
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < clients.length; i++) {
				Http client = clients[i];
				String user = manager(i);
				futures.add(pool.submit(() -> {
					String task;
					while ((task = queue.poll()) != null) {
						Http.Response claim = client.post("/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + user + "\"}");
						Http.Response complete = claim.ok() ? client.post("/engine-rest/task/" + task + "/complete", fields) : claim;
						if (complete.ok()) {
							latencies.add(complete.millis());
						}
						else {
							errors.incrementAndGet();
							errorTexts.add(complete.status() + " " + abbreviate(complete.body()));
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new ApprovalRun(latencies.size() / seconds, new ArrayList<>(latencies), errors.get(),
				errorTexts.isEmpty() ? null : errorTexts.get(0));
	}

	// ---- same-task races ----------------------------------------------------------------------------------------

	private void races() throws Exception {
		int races = this.mode.races();
		AppUnderTest.parallel(races, LIFECYCLE_THREADS, (i, t) -> {
			this.app.request();
			return 1;
		});
		this.stock.load(races, LIFECYCLE_THREADS, false);
		List<String> appTasks = this.app.jdbc.queryForList(
				"select id_ from act_ru_task where task_def_key_ = ? and assignee_ is null", String.class,
				Lifecycle.TASK_EVALUATE_NEED);
		List<String> stockTasks = stockIds("select id_ from act_ru_task where task_def_key_ = 'Task_1' and assignee_ is null");
		Http first = new Http(this.app.baseUrl(), manager(0), AppUnderTest.PASSWORD);
		Http second = new Http(this.app.baseUrl(), manager(1), AppUnderTest.PASSWORD);
		String appFields = "{\"variables\":{\"strategicFit\":{\"value\":\"high\"},\"valueToOrganisation\":{\"value\":4},"
				+ "\"decision\":{\"value\":\"approve\"}}}";
		RaceResult app = race(first, second, appTasks, appFields);
		RaceResult stock = race(this.stock.rest, this.stock.rest, stockTasks, "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}");

		// what the database holds afterwards: every raced task completed once, one next task, one stage change
		int appLost = 0;
		int appDuplicated = 0;
		for (String task : appTasks) {
			String instance = this.app.jdbc.queryForObject("select proc_inst_id_ from act_hi_taskinst where id_ = ?",
					String.class, task);
			long completed = this.app.count("select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null", task);
			long next = this.app.count("select count(*) from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?",
					instance, Lifecycle.TASK_DESIGN_SERVICE);
			long stageChanges = this.app.count("select count(*) from service_history h join pmo_service s on s.id = h.service_id "
					+ "where s.lifecycle_instance_id = ? and h.to_stage = 'DESIGN'", instance);
			appLost += (completed == 0 || next == 0) ? 1 : 0;
			appDuplicated += (next > 1 || stageChanges != 1) ? 1 : 0;
		}
		int stockLost = 0;
		int stockDuplicated = 0;
		try (Connection connection = this.server.connect(this.stock.database)) {
			for (String task : stockTasks) {
				String instance = queryString(connection, "select proc_inst_id_ from act_hi_taskinst where id_ = ?", task);
				long next = queryLong(connection,
						"select count(*) from act_ru_task where proc_inst_id_ = ? and task_def_key_ = 'Task_2'", instance);
				stockLost += (next == 0) ? 1 : 0;
				stockDuplicated += (next > 1) ? 1 : 0;
			}
		}
		say("same-task races, app: %d races, exactly one winner in %d, losers got %s; lost %d, duplicated %d", races,
				app.oneWinner, app.loserAnswers, appLost, appDuplicated);
		say("same-task races, stock: %d races, exactly one winner in %d, losers got %s; lost %d, duplicated %d", races,
				stock.oneWinner, stock.loserAnswers, stockLost, stockDuplicated);
		if (app.loserExample != null) {
			evidence("same-task race, the app's answer to the loser", app.loserExample);
		}
		if (stock.loserExample != null) {
			evidence("same-task race, stock's answer to the loser", stock.loserExample);
		}
		String scenario = "same-task races (2 approvers, " + races + " races)";
		this.rows.add(new Row(scenario, "races with exactly one completion", single(app.oneWinner), null, single(stock.oneWinner),
				0, true));
		this.rows.add(new Row(scenario, "lost / duplicated stage changes", single(appLost + appDuplicated), null,
				single(stockLost + stockDuplicated), 0, false));
	}

	private record RaceResult(int oneWinner, Map<String, Integer> loserAnswers, String loserExample) {
	}

	private RaceResult race(Http first, Http second, List<String> tasks, String fields) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		int oneWinner = 0;
		Map<String, Integer> answers = new TreeMap<>();
		String example = null;
		try {
			for (String task : tasks) {
				CyclicBarrier barrier = new CyclicBarrier(2);
				Future<Http.Response> a = pool.submit(() -> {
					barrier.await();
					return first.post("/engine-rest/task/" + task + "/complete", fields);
				});
				Future<Http.Response> b = pool.submit(() -> {
					barrier.await();
					return second.post("/engine-rest/task/" + task + "/complete", fields);
				});
				List<Http.Response> responses = List.of(a.get(), b.get());
				long winners = responses.stream().filter(Http.Response::ok).count();
				if (winners == 1) {
					oneWinner++;
				}
				for (Http.Response response : responses) {
					if (!response.ok()) {
						answers.merge(Integer.toString(response.status()), 1, Integer::sum);
						if (example == null) {
							example = response.status() + " " + abbreviate(response.body());
						}
					}
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		return new RaceResult(oneWinner, answers, example);
	}

	// ---- bulk load ----------------------------------------------------------------------------------------------

	private void bulkLoad() throws Exception {
		int open = this.mode.live() * 3 / 10;
		int operating = this.mode.live() - open;
		CpuMeter meter = CpuMeter.start(this.stock.pid());
		double seconds = timed(() -> {
			AppUnderTest.parallel(operating, LOAD_THREADS, (i, t) -> {
				this.app.liveService();
				return 1;
			});
			return AppUnderTest.parallel(open, LOAD_THREADS, (i, t) -> {
				this.app.request();
				return 1;
			});
		});
		String appUsage = meter.stop().toString();
		meter = CpuMeter.start(this.stock.pid());
		double stockSeconds = this.stock.load(operating, LOAD_THREADS, true) + this.stock.load(open, LOAD_THREADS, false);
		String stockUsage = meter.stop().toString();
		long analyze = System.nanoTime();
		// fresh planner statistics after the bulk load, as an operator would run them (PostgreSQL only)
		if (this.server.isPostgres()) {
			this.app.jdbc.execute("analyze");
			try (Connection connection = this.server.connect(this.stock.database);
					Statement statement = connection.createStatement()) {
				statement.execute("analyze");
			}
		}
		say("bulk load: %d live services (%d at OPERATION, %d open requests) in %.0f s (%.0f/s); stock %d bare instances in %.0f s; "
				+ "ANALYZE %.1f s", this.mode.live(), operating, open, seconds, this.mode.live() / seconds, this.mode.live(),
				stockSeconds, (System.nanoTime() - analyze) / 1e9);
		evidence("bulk load, app", appUsage);
		evidence("bulk load, stock", stockUsage);
		Map<String, Object> counts = this.app.row("select (select count(*) from pmo_service) services, "
				+ "(select count(*) from pmo_service where stage = 'OPERATION') operating, "
				+ "(select count(*) from act_ru_task) tasks, (select count(*) from act_ru_task where task_def_key_ = ?) inbox, "
				+ "(select count(*) from act_ru_authorization) authorizations, (select count(*) from act_ru_identitylink) links",
				Lifecycle.TASK_EVALUATE_NEED);
		say("app database after the load: %s", counts);
		evidence("app database after the load", counts.toString());
		this.rows.add(new Row("bulk load", "live services loaded per s (" + LOAD_THREADS + " threads)",
				single(this.mode.live() / seconds), null, single(this.mode.live() / stockSeconds), 0, true));
	}

	// ---- inbox latency ------------------------------------------------------------------------------------------

	private void inboxLatency() throws Exception {
		Http manager = new Http(this.app.baseUrl(), manager(0), AppUnderTest.PASSWORD);
		String filterId = null;
		for (var filter : manager.get("/engine-rest/filter?resourceType=Task").json()) {
			if (MANAGERS_FILTER.equals(filter.get("name").asText())) {
				filterId = filter.get("id").asText();
			}
		}
		check(filterId != null, "no filter '" + MANAGERS_FILTER + "'");
		String inboxPath = "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15";
		Http.Response probe = manager.post(inboxPath, INBOX_QUERY, "application/hal+json");
		check(probe.ok(), "inbox: " + probe.status() + " " + probe.body());
		int shown = probe.json().path("_embedded").path("task").size();
		say("inbox first page of %s: %d tasks of %d open evaluations", manager(0), shown, this.app.count(
				"select count(*) from act_ru_task where task_def_key_ = ?", Lifecycle.TASK_EVALUATE_NEED));
		Http.Response catalogProbe = manager.get("/api/services?stage=OPERATION");
		check(catalogProbe.ok(), "catalog: " + catalogProbe.status() + " " + catalogProbe.body());
		// the same saved filter on stock, so both answer Tasklist's request the same way
		Http.Response stockFilter = this.stock.rest.post("/engine-rest/filter/create", "{\"resourceType\":\"Task\",\"name\":\""
				+ MANAGERS_FILTER + "\",\"query\":" + MANAGERS_FILTER_QUERY
				+ ",\"properties\":{\"variables\":[{\"name\":\"serviceCode\",\"label\":\"Service\"},"
				+ "{\"name\":\"serviceName\",\"label\":\"Name\"}]}}");
		check(stockFilter.ok(), "stock filter: " + stockFilter.status() + " " + stockFilter.body());
		String stockPath = "/engine-rest/filter/" + stockFilter.json().get("id").asText() + "/list?firstResult=0&maxResults=15";

		CpuMeter meter = CpuMeter.start(this.stock.pid());
		Stats inbox = Stats.of(samples(() -> manager.post(inboxPath, INBOX_QUERY, "application/hal+json")));
		String inboxUsage = meter.stop().toString();
		Stats catalog = Stats.of(samples(() -> manager.get("/api/services?stage=OPERATION")));
		Stats stockInbox = Stats.of(samples(() -> this.stock.rest.post(stockPath, INBOX_QUERY, "application/hal+json")));
		say("inbox first page (ms): app p50 %.1f p95 %.1f max %.1f; stock p50 %.1f p95 %.1f max %.1f", inbox.median(),
				inbox.percentile(95), inbox.max(), stockInbox.median(), stockInbox.percentile(95), stockInbox.max());
		say("GET /api/services?stage=OPERATION first page (ms): p50 %.1f p95 %.1f max %.1f", catalog.median(),
				catalog.percentile(95), catalog.max());
		evidence("inbox, app", inboxUsage);
		String scenario = "inbox latency (" + this.mode.live() + " live services, authorization on)";
		for (int p : new int[] { 50, 95 }) {
			this.rows.add(new Row(scenario, "group inbox first page p" + p + " (ms)", single(inbox.percentile(p)), null,
					single(stockInbox.percentile(p)), 1, false));
		}
		this.rows.add(new Row(scenario, "group inbox first page max (ms)", single(inbox.max()), null, single(stockInbox.max()), 1,
				false));
		for (int p : new int[] { 50, 95 }) {
			this.rows.add(new Row(scenario, "GET /api/services?stage=OPERATION p" + p + " (ms)", single(catalog.percentile(p)),
					null, null, 1, false));
		}
		this.rows.add(new Row(scenario, "GET /api/services?stage=OPERATION max (ms)", single(catalog.max()), null, null, 1, false));
	}

	interface Call {

		Http.Response call();

	}

	/**
	 * Latencies of a request after as many unmeasured calls as are measured: with 20 the JIT compiler took half a
	 * core during the samples (JFR's thread CPU load), and the figure was the compiler's more than the request's.
	 */
	private List<Double> samples(Call call) {
		int samples = Integer.getInteger("bench.inbox.samples", this.mode.inboxSamples());
		int warmUp = Integer.getInteger("bench.inbox.warm-up", samples);
		for (int i = 0; i < warmUp; i++) {
			call.call();
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < samples; i++) {
			Http.Response response = call.call();
			check(response.ok(), "inbox sample: " + response.status() + " " + abbreviate(response.body()));
			millis.add(response.millis());
		}
		return millis;
	}

	// ---- the service page and the customer's page ---------------------------------------------------------------

	/**
	 * The pages people open most, on the loaded catalog: a service's page for a PMO manager and for a customer, and
	 * the customer's own page. The customer is the requester of every loaded service, so his page lists the most
	 * requests it shows with their next steps, what his organisation receives, its subscriptions and its offers.
	 */
	private void pages() throws Exception {
		Http manager = new Http(this.app.baseUrl(), manager(0), AppUnderTest.PASSWORD);
		Http customer = new Http(this.app.baseUrl(), AppUnderTest.REQUESTER, AppUnderTest.PASSWORD);
		// customer organisations as a PMO keeps them: the requester's, and others of every segment
		int organisations = (this.mode == QUICK) ? 5 : 40;
		String[] segments = { "PROJECT_MANAGERS", "PROGRAMME_MANAGERS", "SENIOR_EXECUTIVES", "END_USERS" };
		long own = -1;
		for (int i = 0; i < organisations; i++) {
			String members = (i == 0) ? "[\"" + AppUnderTest.REQUESTER + "\"]" : "[]";
			Http.Response created = manager.post("/api/customers", "{\"name\":\"Bench customer " + i + "\",\"segment\":\""
					+ segments[i % segments.length] + "\",\"contactEmail\":\"bench" + i + "@example.org\",\"members\":"
					+ members + "}");
			check(created.ok(), "customer: " + created.status() + " " + abbreviate(created.body()));
			if (i == 0) {
				own = created.json().get("id").asLong();
			}
		}
		List<String> codes = this.app.jdbc.queryForList(
				"select code from pmo_service where stage = 'OPERATION' order by code desc limit 100", String.class);
		check(codes.size() >= 10, "too few services at OPERATION for the pages: " + codes.size());
		for (String code : codes.subList(0, 3)) {
			Http.Response subscribed = customer.post("/api/customers/" + own + "/subscriptions",
					"{\"service\":\"" + code + "\"}");
			check(subscribed.ok(), "subscription: " + subscribed.status() + " " + abbreviate(subscribed.body()));
		}
		AtomicInteger next = new AtomicInteger();
		java.util.function.Supplier<String> nextPage = () -> "/api/portfolio/services/"
				+ codes.get(next.getAndIncrement() % codes.size());
		Stats managerPage = Stats.of(samples(() -> manager.get(nextPage.get())));
		Stats customerPage = Stats.of(samples(() -> customer.get(nextPage.get())));
		Http.Response mine = customer.get("/api/portfolio/my");
		check(mine.ok(), "customer's page: " + mine.status() + " " + abbreviate(mine.body()));
		evidence("customer's page", String.format("%d requests, %d services received, %d subscriptions, %d offers; %d KiB",
				mine.json().path("requests").size(), mine.json().path("services").size(),
				mine.json().path("subscriptions").size(), mine.json().path("offers").size(), mine.body().length() / 1024));
		Stats myPage = Stats.of(samples(() -> customer.get("/api/portfolio/my")));
		say("service page (ms): PMO manager p50 %.1f p95 %.1f; customer p50 %.1f p95 %.1f; customer's page p50 %.1f p95 %.1f",
				managerPage.median(), managerPage.percentile(95), customerPage.median(), customerPage.percentile(95),
				myPage.median(), myPage.percentile(95));
		String scenario = "pages (" + this.mode.live() + " live services, " + organisations + " customers)";
		for (var page : List.of(Map.entry("service page, PMO manager", managerPage),
				Map.entry("service page, customer", customerPage), Map.entry("customer's page (/portfolio/my)", myPage))) {
			for (int p : new int[] { 50, 95 }) {
				this.rows.add(new Row(scenario, page.getKey() + " p" + p + " (ms)", single(page.getValue().percentile(p)),
						null, null, 1, false));
			}
		}
	}

	// ---- the design form under load -----------------------------------------------------------------------------

	/**
	 * "Design service" submitted over Tasklist's REST call with two offerings and their agreements (JSON rows), by
	 * an analyst alone and then while two threads carry other lifecycles to operation.
	 */
	private void designUnderLoad() throws Exception {
		int designs = (this.mode == QUICK) ? 6 : 60;
		Http analyst = new Http(this.app.baseUrl(), AppUnderTest.ANALYST, AppUnderTest.PASSWORD);
		String offerings = "[" + org.pmo.servicelifecycle.demo.LifecycleForms.offeringRow("PROJECT_MANAGERS", "MANDATED", null)
				+ "," + org.pmo.servicelifecycle.demo.LifecycleForms.offeringRow("PROGRAMME_MANAGERS", "ADDITIONAL", 25) + "]";
		String agreements = "[" + org.pmo.servicelifecycle.demo.LifecycleForms.agreementRow("PROJECT_MANAGERS",
				"on-time-delivery", "PERCENT", "AT_LEAST", 90, null) + ","
				+ org.pmo.servicelifecycle.demo.LifecycleForms.agreementRow("PROGRAMME_MANAGERS", "on-time-delivery",
						"PERCENT", "AT_LEAST", 95, 2.0) + "]";
		Map<String, Object> fields = org.pmo.servicelifecycle.demo.LifecycleForms.design(AppUnderTest.ANALYST,
				org.pmo.servicelifecycle.demo.LifecycleDriver.PILOT_PERIOD,
				org.pmo.servicelifecycle.demo.LifecycleDriver.REVIEW_CYCLE, offerings, agreements);
		String body = restVariables(fields);
		List<Double> idle = submitDesigns(analyst, designs, body);
		java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
		AtomicInteger carried = new AtomicInteger();
		ExecutorService load = Executors.newFixedThreadPool(LIFECYCLE_THREADS);
		List<Future<?>> loaders = new ArrayList<>();
		for (int t = 0; t < LIFECYCLE_THREADS; t++) {
			String manager = manager(10 + t);
			loaders.add(load.submit(() -> {
				while (running.get()) {
					this.app.carryToOperation(manager);
					carried.incrementAndGet();
				}
				return null;
			}));
		}
		List<Double> loaded;
		long started = System.nanoTime();
		try {
			loaded = submitDesigns(analyst, designs, body);
		}
		finally {
			running.set(false);
			for (Future<?> loader : loaders) {
				loader.get();
			}
			load.shutdown();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Stats alone = Stats.of(idle);
		Stats busy = Stats.of(loaded);
		say("design form with offerings (ms): alone p50 %.1f p95 %.1f; under load p50 %.1f p95 %.1f "
				+ "(%d lifecycles carried to operation beside it, %.1f/s)", alone.median(), alone.percentile(95),
				busy.median(), busy.percentile(95), carried.get(), carried.get() / seconds);
		String scenario = "design form with offerings (" + designs + " submissions, catalog of " + this.app.count(
				"select count(*) from pmo_service") + ")";
		for (int p : new int[] { 50, 95 }) {
			this.rows.add(new Row(scenario, "submit alone p" + p + " (ms)", single(alone.percentile(p)), null, null, 1, false));
		}
		for (int p : new int[] { 50, 95 }) {
			this.rows.add(new Row(scenario, "submit under load p" + p + " (ms)", single(busy.percentile(p)), null, null, 1,
					false));
		}
		this.rows.add(new Row(scenario, "lifecycles carried beside it per s (" + LIFECYCLE_THREADS + " threads)",
				single(carried.get() / seconds), null, null, 1, true));
	}

	/** Raises {@code count} requests to "Design service", then the analyst claims and submits each design. */
	private List<Double> submitDesigns(Http analyst, int count, String body) throws Exception {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			codes.add(this.app.toDesign());
		}
		List<Double> millis = new ArrayList<>();
		for (String code : codes) {
			String task = this.app.jdbc.queryForObject("select t.id_ from act_ru_task t join act_ru_execution e "
					+ "on e.id_ = t.proc_inst_id_ where e.business_key_ = ? and t.task_def_key_ = ?", String.class, code,
					Lifecycle.TASK_DESIGN_SERVICE);
			Http.Response claim = analyst.post("/engine-rest/task/" + task + "/claim",
					"{\"userId\":\"" + AppUnderTest.ANALYST + "\"}");
			check(claim.ok(), "claim design: " + claim.status() + " " + abbreviate(claim.body()));
			Http.Response submitted = analyst.post("/engine-rest/task/" + task + "/submit-form", body);
			check(submitted.ok(), "design form: " + submitted.status() + " " + abbreviate(submitted.body()));
			millis.add(submitted.millis());
		}
		return millis;
	}

	/** Form fields as Tasklist sends them: {"variables":{name:{value, type}}}, the rows of a list as Json. */
	private static String restVariables(Map<String, Object> fields) throws IOException {
		com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
		com.fasterxml.jackson.databind.node.ObjectNode variables = json.createObjectNode();
		fields.forEach((name, value) -> {
			com.fasterxml.jackson.databind.node.ObjectNode variable = variables.putObject(name);
			if (value instanceof org.camunda.spin.plugin.variable.value.JsonValue rows) {
				variable.put("value", rows.getValueSerialized()).put("type", "Json");
			}
			else if (value instanceof Number number) {
				variable.putPOJO("value", number);
			}
			else {
				variable.put("value", String.valueOf(value));
			}
		});
		return json.writeValueAsString(json.createObjectNode().set("variables", variables));
	}

	// ---- migration of running lifecycles ------------------------------------------------------------------------

	/**
	 * A process owner migrates running lifecycles to a new version of the model over {@code /api/models/migrations}:
	 * the dry run, then the batch until its report is done. The lifecycles run on a version of their own, deployed
	 * for them, so that the run's other lifecycles stay where they are.
	 */
	private void migration() throws Exception {
		int count = this.mode.burst();
		Http owner = new Http(this.app.baseUrl(), AppUnderTest.OWNER, AppUnderTest.PASSWORD);
		byte[] model;
		try (InputStream in = Benchmark.class.getResourceAsStream("/bpmn/pmo-service-lifecycle.bpmn")) {
			check(in != null, "no bpmn/pmo-service-lifecycle.bpmn on the class path");
			model = in.readAllBytes();
		}
		int from = deployLifecycleVersion(owner, model, "migrated from");
		double loading = timed(() -> AppUnderTest.parallel(count, LOAD_THREADS, (i, t) -> {
			this.app.liveService();
			return 1;
		}));
		int to = deployLifecycleVersion(owner, model, "migrated to");
		String request = "{\"processKey\":\"" + org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.KEY
				+ "\",\"fromVersion\":" + from + ",\"toVersion\":" + to;
		Http.Response dryRun = owner.post("/api/models/migrations", request + "}");
		check(dryRun.ok() && dryRun.json().path("valid").asBoolean(), "dry run: " + dryRun.status() + " "
				+ abbreviate(dryRun.body()));
		long started = System.nanoTime();
		Http.Response accepted = owner.post("/api/models/migrations", request + ",\"dryRun\":false}");
		check(accepted.status() == 202, "migration: " + accepted.status() + " " + abbreviate(accepted.body()));
		double startSeconds = (System.nanoTime() - started) / 1e9;
		String batch = accepted.json().get("batchId").asText();
		Http.Response report;
		while (true) {
			Thread.sleep(1000);
			report = owner.get("/api/models/migrations/" + batch);
			check(report.ok(), "migration report: " + report.status() + " " + abbreviate(report.body()));
			if (report.json().path("done").asBoolean()) {
				break;
			}
			check(System.nanoTime() - started < Duration.ofMinutes(15).toNanos(), "migration not done in 15 minutes");
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Map<String, Integer> states = new TreeMap<>();
		report.json().path("instances").forEach((instance) -> states.merge(instance.path("state").asText(), 1, Integer::sum));
		say("migration of %d running lifecycles (v%d → v%d): dry run %.1f s, started in %.1f s, done after %.1f s "
				+ "(%.0f instances/s); instances %s; report %.0f ms; %d loaded in %.0f s", count, from, to,
				dryRun.millis() / 1000, startSeconds, seconds, count / seconds, states, report.millis(), count, loading);
		evidence("migration, consistency check", abbreviate(report.json().path("consistency").toString()));
		String scenario = "migration of " + count + " running lifecycles (REST, process owner)";
		this.rows.add(new Row(scenario, "dry run (s)", single(dryRun.millis() / 1000), null, null, 1, false));
		this.rows.add(new Row(scenario, "migrated instances per s (start to report done)", single(count / seconds), null,
				null, 0, true));
		this.rows.add(new Row(scenario, "instances not migrated", single(count - states.getOrDefault("MIGRATED", 0)), null,
				null, 0, false));
	}

	/** Deploys the lifecycle model as Modeler does, told apart by a comment; returns the version it got. */
	private int deployLifecycleVersion(Http owner, byte[] model, String label) {
		String text = new String(model, java.nio.charset.StandardCharsets.UTF_8) + "\n<!-- " + label + " by the benchmark "
				+ System.nanoTime() + " -->\n";
		Http.Response deployed = owner.deploy("pmo", "pmo-service-lifecycle.bpmn",
				text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		check(deployed.ok(), "deploy the lifecycle: " + deployed.status() + " " + abbreviate(deployed.body()));
		Integer version = this.app.jdbc.queryForObject(
				"select max(version_) from act_re_procdef where key_ = ?", Integer.class,
				org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.KEY);
		return (version != null) ? version : 0;
	}

	// ---- footprint ----------------------------------------------------------------------------------------------

	/**
	 * The portfolio review's service mix on 1,000 services and 20 objectives: the strategic value of each service by
	 * the DMN decision, then the CP-SAT solver within capacity and budget (mandated services, prerequisites, pairs).
	 */
	private void serviceMix() {
		int services = 1000;
		int objectives = 20;
		int reps = (this.mode == QUICK) ? 1 : 5;
		java.util.Random random = new java.util.Random(7);
		List<org.pmo.servicelifecycle.strategy.StrategicObjective> weights = new ArrayList<>();
		org.pmo.servicelifecycle.strategy.BusinessCaseDecisions decisions = this.app.context
			.getBean(org.pmo.servicelifecycle.strategy.BusinessCaseDecisions.class);
		org.pmo.servicelifecycle.strategy.ServiceMixSolver solver = this.app.context
			.getBean(org.pmo.servicelifecycle.strategy.ServiceMixSolver.class);
		org.pmo.servicelifecycle.strategy.StrategicObjectives kept = this.app.context
			.getBean(org.pmo.servicelifecycle.strategy.StrategicObjectives.class);
		for (int o = 0; o < objectives; o++) {
			weights.add(kept.create(new org.pmo.servicelifecycle.strategy.ObjectiveTerms("Bench objective " + o + " "
					+ System.nanoTime(), "Weighed by the benchmark", 1 + random.nextInt(10), java.time.LocalDate.of(2020, 1, 1),
					null), "bench"));
		}
		// the solver's native libraries load on its first use in a JVM: once, before the clock runs
		long loading = System.nanoTime();
		solver.solve(List.of(new org.pmo.servicelifecycle.strategy.MixCandidate("W", "Warm-up", 1, 1, 1, false, false,
				java.util.Set.of(), java.util.Set.of())), new org.pmo.servicelifecycle.strategy.MixLimits(1.0, 1.0));
		evidence("service mix", String.format("first use of the solver (native libraries loaded): %.2f s",
				(System.nanoTime() - loading) / 1e9));
		List<Double> valuing = new ArrayList<>();
		List<Double> solving = new ArrayList<>();
		String answer = "";
		for (int rep = 0; rep < reps; rep++) {
			long started = System.nanoTime();
			List<org.pmo.servicelifecycle.strategy.MixCandidate> candidates = new ArrayList<>();
			double days = 0;
			for (int i = 0; i < services; i++) {
				java.util.Map<Long, Integer> scores = new java.util.HashMap<>();
				for (int k = 0; k < 3; k++) {
					scores.put(weights.get(random.nextInt(objectives)).getId(), 1 + random.nextInt(5));
				}
				double effort = 5 + random.nextInt(60);
				days += effort;
				java.util.Set<String> requires = (i > 0 && random.nextInt(6) == 0) ? java.util.Set.of("B" + random.nextInt(i))
						: java.util.Set.of();
				java.util.Set<String> complements = (i > 0 && random.nextInt(5) == 0)
						? java.util.Set.of("B" + random.nextInt(i)) : java.util.Set.of();
				candidates.add(new org.pmo.servicelifecycle.strategy.MixCandidate("B" + i, "Bench service " + i,
						decisions.strategicValue(weights, scores), effort, 1000.0 * (1 + random.nextInt(60)),
						random.nextInt(20) == 0 && requires.isEmpty(), false, requires, complements));
			}
			valuing.add((System.nanoTime() - started) / 1e9);
			long solveStarted = System.nanoTime();
			org.pmo.servicelifecycle.strategy.ServiceMix mix = solver.solve(candidates,
					new org.pmo.servicelifecycle.strategy.MixLimits(days * 0.6, 20_000_000.0));
			solving.add((System.nanoTime() - solveStarted) / 1e9);
			answer = mix.status() + (mix.optimal() ? "" : String.format(" (gap %.2f %%)", mix.gap() * 100));
		}
		String scenario = "service mix (" + services + " services, " + objectives + " objectives)";
		this.rows.add(new Row(scenario, "strategic values by DMN (s)", Stats.of(valuing), null, null, 2, false));
		this.rows.add(new Row(scenario, "CP-SAT solve (s)", Stats.of(solving), null, null, 2, false));
		evidence(scenario, "solver's answer: " + answer);
	}

	private void footprint() {
		System.gc();
		double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
		double rss = CpuMeter.rssMiB(ProcessHandle.current().pid());
		double stockRss = CpuMeter.rssMiB(this.stock.pid());
		say("footprint after the load: heap used after GC %.0f MiB, RSS %.0f MiB (this JVM: application and driver); "
				+ "stock JVM RSS %.0f MiB", heap, rss, stockRss);
		String scenario = "footprint after the " + this.mode.live() + "-service load";
		this.rows.add(new Row(scenario, "heap used after GC (MiB)", single(heap), null, null, 0, false));
		this.rows.add(new Row(scenario, "RSS (MiB)", single(rss), null, single(stockRss), 0, false));
	}

	// ---- review timer burst -------------------------------------------------------------------------------------

	private record Burst(double secondsUntilAll, double jobsPerSecond, long failed, long tasks, double firstJobAfter) {
	}

	private void timerBursts() throws Exception {
		int burst = this.mode.burst();
		CpuMeter meter = CpuMeter.start(this.stock.pid());
		DbSampler db = DbSampler.start(this.server, this.app.database);
		Burst app = burst(this.app.database, Lifecycle.EVENT_PERIODIC_REVIEW_DUE, Lifecycle.TASK_REVIEW_SERVICE, burst);
		db.close();
		evidence("timer burst, app", meter.stop() + "; " + db + "; " + db.perUnit(burst, "job"));

		AppUnderTest.parallel(burst, LOAD_THREADS, (i, t) -> {
			this.app.liveBare();
			return 1;
		});
		if (this.server.isPostgres()) {
			this.app.jdbc.execute("analyze");
		}
		meter = CpuMeter.start(this.stock.pid());
		db = DbSampler.start(this.server, this.app.database);
		Burst bare = burst(this.app.database, "Review_Due", "Task_Review", burst);
		db.close();
		evidence("timer burst, baseline", meter.stop() + "; " + db + "; " + db.perUnit(burst, "job"));

		meter = CpuMeter.start(this.stock.pid());
		db = DbSampler.start(this.server, this.stock.database);
		Burst stock = burst(this.stock.database, "Review_Due", "Task_Review", burst);
		db.close();
		evidence("timer burst, stock", meter.stop() + "; " + db + "; " + db.perUnit(burst, "job"));

		for (var entry : Map.of("app", app, "baseline", bare, "stock", stock).entrySet()) {
			say("review timer burst, %s: %d due at once, all %d review tasks after %.1f s (first job ran %.1f s after due), "
					+ "%.1f jobs/s while running, %d failed", entry.getKey(), burst, entry.getValue().tasks(),
					entry.getValue().secondsUntilAll(), entry.getValue().firstJobAfter(), entry.getValue().jobsPerSecond(),
					entry.getValue().failed());
		}
		String scenario = "review timer burst (" + burst + " due at once)";
		this.rows.add(new Row(scenario, "seconds until every review task exists", single(app.secondsUntilAll()),
				single(bare.secondsUntilAll()), single(stock.secondsUntilAll()), 1, false));
		this.rows.add(new Row(scenario, "jobs per s (first to last job)", single(app.jobsPerSecond()), single(bare.jobsPerSecond()),
				single(stock.jobsPerSecond()), 1, true));
		this.rows.add(new Row(scenario, "failed jobs", single(app.failed()), single(bare.failed()), single(stock.failed()), 0,
				false));
	}

	/** Makes {@code count} timers of one boundary event due at once and waits until every task it opens exists. */
	private Burst burst(String database, String timerActivity, String taskKey, int count) throws Exception {
		try (Connection connection = this.server.connect(database)) {
			long before = queryLong(connection, "select count(*) from act_ru_task where task_def_key_ = ?", taskKey);
			Timestamp dueAt = Timestamp.from(Instant.now());
			long start = System.nanoTime();
			try (PreparedStatement update = connection.prepareStatement("update act_ru_job set duedate_ = ? where id_ in "
					+ "(select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = ? "
					+ "order by j.id_ limit ?)")) {
				update.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
				update.setString(2, timerActivity);
				update.setInt(3, count);
				check(update.executeUpdate() == count, "fewer than " + count + " timers of " + timerActivity);
			}
			long tasks;
			while ((tasks = queryLong(connection, "select count(*) from act_ru_task where task_def_key_ = ?", taskKey)
					- before) < count) {
				check(System.nanoTime() - start < Duration.ofMinutes(15).toNanos(), "burst did not finish: " + tasks);
				Thread.sleep(100);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			try (PreparedStatement log = connection.prepareStatement("select count(*), min(l.timestamp_), max(l.timestamp_) "
					+ "from act_hi_job_log l join act_ru_jobdef d on d.id_ = l.job_def_id_ where d.act_id_ = ? "
					+ "and l.job_state_ = 2 and l.timestamp_ >= ?")) {
				log.setString(1, timerActivity);
				log.setTimestamp(2, dueAt);
				try (ResultSet result = log.executeQuery()) {
					result.next();
					long ran = result.getLong(1);
					Timestamp first = result.getTimestamp(2);
					Timestamp last = result.getTimestamp(3);
					double window = Math.max(0.001, (last.getTime() - first.getTime()) / 1000.0);
					long failed = queryLong(connection,
							"select count(*) from act_hi_job_log where job_state_ = 1 and timestamp_ >= ?", dueAt);
					// timestamps of the job log are when a job's run was logged: its first is one job into the burst
					return new Burst(seconds, (ran - 1) / window, failed, tasks,
							(first.getTime() - dueAt.getTime()) / 1000.0);
				}
			}
		}
	}

	// ---- output -------------------------------------------------------------------------------------------------

	private void printTable() {
		System.out.println();
		System.out.printf("== PMO Service Lifecycle benchmark, %s mode, %.0f s in all%n", this.mode.name(),
				(System.nanoTime() - this.started) / 1e9);
		System.out.println("   figures: median (min–max) over the repetitions where there are several; percentiles over all samples");
		System.out.println("   baseline = bare process in the application's engine; stock = bare process on stock Camunda 7.24.0");
		System.out.println();
		String header = String.format("| %-44s | %-46s | %-22s | %-22s | %-22s | %-9s | %-9s |", "scenario", "figure", "app",
				"baseline", "stock", "app/base", "app/stock");
		System.out.println(header);
		System.out.println(header.replaceAll("[^|]", "-"));
		for (Row row : this.rows) {
			System.out.printf("| %-44s | %-46s | %-22s | %-22s | %-22s | %-9s | %-9s |%n", row.scenario(), row.metric(),
					summary(row.app(), row.decimals()), summary(row.baseline(), row.decimals()),
					summary(row.stock(), row.decimals()), ratio(row.app(), row.baseline()), ratio(row.app(), row.stock()));
		}
		System.out.println();
		System.out.println("== where the time went (CPU shares of the whole machine; PostgreSQL sessions of the scenario's database)");
		for (String line : this.evidence) {
			System.out.println("   " + line);
		}
		System.out.printf("%n   load average at the end %s%n", loadAverage());
	}

	private static String summary(Stats stats, int decimals) {
		return (stats == null) ? "–" : stats.summary(decimals);
	}

	private static String ratio(Stats app, Stats other) {
		if (app == null || other == null || other.median() == 0 || Double.isNaN(other.median())) {
			return "–";
		}
		return String.format("%.2f", app.median() / other.median());
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	private String manager(int index) {
		return this.app.managers.get(index % this.app.managers.size());
	}

	interface Timed {

		int run() throws Exception;

	}

	private static double timed(Timed work) throws Exception {
		long start = System.nanoTime();
		work.run();
		return (System.nanoTime() - start) / 1e9;
	}

	private static double last(List<Double> values) {
		return values.get(values.size() - 1);
	}

	private static List<Double> times(List<Double> values, double factor) {
		return values.stream().map((v) -> v * factor).toList();
	}

	private static Stats single(double value) {
		return Stats.of(List.of(value));
	}

	private List<String> stockIds(String sql) throws SQLException {
		List<String> ids = new ArrayList<>();
		try (Connection connection = this.server.connect(this.stock.database);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				ids.add(result.getString(1));
			}
		}
		return ids;
	}

	private static long queryLong(Connection connection, String sql, Object... args) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static String queryString(Connection connection, String sql, Object... args) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? result.getString(1) : null;
			}
		}
	}

	private static byte[] bareModel() throws IOException {
		try (InputStream in = Benchmark.class.getResourceAsStream("/bench/bench-bare-lifecycle.bpmn")) {
			check(in != null, "bench/bench-bare-lifecycle.bpmn is not on the class path");
			return in.readAllBytes();
		}
	}

	private void evidence(String scenario, String text) {
		this.evidence.add(scenario + ": " + text);
	}

	private void say(String format, Object... args) {
		System.out.printf("[bench %5.0f s] %s%n", (System.nanoTime() - this.started) / 1e9, String.format(format, args));
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

	private static String abbreviate(String text) {
		String flat = String.valueOf(text).replaceAll("\\s+", " ");
		return (flat.length() > 300) ? flat.substring(0, 300) + "…" : flat;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String memory() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					return String.format("%.0f GiB RAM", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
				}
			}
		}
		catch (IOException ex) {
			// unknown
		}
		return "unknown RAM";
	}

	static void deleteTree(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private void close() {
		try {
			if (this.app != null) {
				this.app.close();
			}
		}
		catch (RuntimeException ex) {
			say("closing the application: %s", ex);
		}
		try {
			if (this.stock != null) {
				this.stock.close();
			}
		}
		catch (Exception ex) {
			say("stopping stock: %s", ex);
		}
	}

}
