package org.pmo.servicelifecycle.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The stock baseline: Camunda 7.24.0 with the Spring Boot starter's defaults (bench/stock), in a JVM of its own on a
 * database of its own on the same PostgreSQL server. Driven through its REST API, and through the Java API by the
 * small driver inside it that mirrors the benchmark's driver of the application.
 */
final class StockNode implements AutoCloseable {

	final String database;

	final int port;

	final int driverPort;

	final Http rest;

	final Http driver;

	private final Process process;

	final Path log;

	private StockNode(String database, int port, int driverPort, Process process, Path log) {
		this.database = database;
		this.port = port;
		this.driverPort = driverPort;
		this.process = process;
		this.log = log;
		this.rest = new Http("http://127.0.0.1:" + port, null, null);
		this.driver = new Http("http://127.0.0.1:" + driverPort, null, null);
	}

	static StockNode launch(Path jar, DatabaseServer server, String database, List<String> jvmOptions, Path log)
			throws Exception {
		int port = freePort();
		int driverPort = freePort();
		List<String> command = new java.util.ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--bench.driver.port=" + driverPort,
				"--logging.level.root=WARN"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		builder.environment().put("SPRING_DATASOURCE_URL", server.jdbcUrl(database));
		builder.environment().put("SPRING_DATASOURCE_USERNAME", server.user());
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", server.password());
		Process process = builder.start();
		return new StockNode(database, port, driverPort, process, log);
	}

	void awaitReady() throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (!this.rest.get("/engine-rest/engine").ok() || this.driver.get("/load?count=0&threads=1").status() != 200) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The stock application stopped while starting:\n" + Files.readString(this.log));
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The stock application did not start; see " + this.log);
			}
			Thread.sleep(300);
		}
	}

	long pid() {
		return this.process.pid();
	}

	/** Runs the bare lifecycle in the stock JVM; returns the seconds it took. */
	double lifecycles(int count, int threads) {
		JsonNode result = call("/lifecycle?count=" + count + "&threads=" + threads);
		return result.get("seconds").asDouble();
	}

	double load(int count, int threads, boolean operate) {
		return call("/load?count=" + count + "&threads=" + threads + "&operate=" + operate).get("seconds").asDouble();
	}

	private JsonNode call(String path) {
		Http.Response response = this.driver.get(path);
		if (response.status() != 200) {
			throw new IllegalStateException("Stock driver " + path + ": " + response.status() + " " + response.body());
		}
		return response.json();
	}

	@Override
	public void close() throws Exception {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
