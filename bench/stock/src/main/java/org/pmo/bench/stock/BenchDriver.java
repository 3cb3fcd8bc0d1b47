package org.pmo.bench.stock;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The benchmark's driver inside the stock JVM, so the stock engine is driven through the Java API exactly as the
 * application's engine is driven in the benchmark's JVM: the same steps, the same number of threads. It listens on
 * a port of its own ({@code bench.driver.port}, plain JDK HTTP server) and leaves the engine's settings alone.
 */
@Component
@ConditionalOnProperty("bench.driver.port")
class BenchDriver implements DisposableBean {

	static final String KEY = "bench-bare-lifecycle";

	/** The steps from request to operation: user tasks and who does them, and the pilot timer. */
	static final String[][] STEPS = { { "Task_1", "benchmanager" }, { "Task_2", "benchanalyst" },
			{ "Task_3", "benchboard" }, { "Timer_Pilot", null }, { "Task_4", "benchmanager" },
			{ "Task_5", "benchboard" } };

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final int port;

	private HttpServer server;

	BenchDriver(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
			@Value("${bench.driver.port}") int port) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.port = port;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 0);
		this.server.createContext("/lifecycle", (exchange) -> respond(exchange, () -> {
			Map<String, String> query = query(exchange.getRequestURI());
			return lifecycles(Integer.parseInt(query.get("count")), Integer.parseInt(query.get("threads")));
		}));
		this.server.createContext("/load", (exchange) -> respond(exchange, () -> {
			Map<String, String> query = query(exchange.getRequestURI());
			return load(Integer.parseInt(query.get("count")), Integer.parseInt(query.get("threads")),
					"true".equals(query.get("operate")));
		}));
		this.server.setExecutor(Executors.newSingleThreadExecutor());
		this.server.start();
	}

	@Override
	public void destroy() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	/** Carries {@code count} bare lifecycles from start to operation on {@code threads} threads. */
	String lifecycles(int count, int threads) throws Exception {
		long started = System.nanoTime();
		int completions = parallel(count, threads, (i) -> {
			String instance = this.runtimeService.startProcessInstanceByKey(KEY).getId();
			int done = 0;
			for (String[] step : STEPS) {
				if (step[1] == null) {
					Job timer = this.managementService.createJobQuery()
						.processInstanceId(instance)
						.activityId(step[0])
						.singleResult();
					this.managementService.executeJob(timer.getId());
				}
				else {
					Task task = this.taskService.createTaskQuery()
						.processInstanceId(instance)
						.taskDefinitionKey(step[0])
						.singleResult();
					this.taskService.claim(task.getId(), step[1]);
					this.taskService.complete(task.getId(), Map.of("decision", "approve"));
					done++;
				}
			}
			return done;
		});
		return "{\"seconds\":" + (System.nanoTime() - started) / 1e9 + ",\"completions\":" + completions + "}";
	}

	/** Starts instances that wait at their first task, or at operation with the periodic review timer. */
	String load(int count, int threads, boolean operate) throws Exception {
		long started = System.nanoTime();
		parallel(count, threads, (i) -> {
			if (operate) {
				this.runtimeService.createProcessInstanceByKey(KEY).startBeforeActivity("Operate").execute();
			}
			else {
				this.runtimeService.startProcessInstanceByKey(KEY);
			}
			return 1;
		});
		return "{\"seconds\":" + (System.nanoTime() - started) / 1e9 + "}";
	}

	interface Work {

		int run(int index) throws Exception;

	}

	static int parallel(int count, int threads, Work work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger next = new AtomicInteger();
		AtomicInteger total = new AtomicInteger();
		try {
			List<Future<Object>> futures = new java.util.ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					int i;
					while ((i = next.getAndIncrement()) < count) {
						total.addAndGet(work.run(i));
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

	interface Body {

		String get() throws Exception;

	}

	private static void respond(HttpExchange exchange, Body body) throws IOException {
		int status = 200;
		String text;
		try {
			text = body.get();
		}
		catch (Exception ex) {
			status = 500;
			text = "{\"error\":\"" + String.valueOf(ex).replace('"', '\'') + "\"}";
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> values = new HashMap<>();
		if (uri.getQuery() != null) {
			for (String pair : uri.getQuery().split("&")) {
				String[] parts = pair.split("=", 2);
				values.put(parts[0], (parts.length > 1) ? parts[1] : "");
			}
		}
		return values;
	}

}
