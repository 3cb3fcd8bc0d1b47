package org.pmo.servicelifecycle.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of the application: the packaged jar in a JVM of its own with the profile {@code postgres}, configured
 * through the environment as in production, its output in a log file. It can be killed with {@code kill -9} and
 * started again with the same name and port.
 */
final class ApplicationNode {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Path jar;

	private final Map<String, String> environment;

	private final List<String> arguments;

	private final Path log;

	private final int port;

	private Process process;

	ApplicationNode(String name, Path jar, Map<String, String> environment, List<String> arguments, Path logDirectory) {
		this.name = name;
		this.jar = jar;
		this.environment = environment;
		this.arguments = arguments;
		this.log = logDirectory.resolve(name + ".log");
		this.port = freePort();
	}

	String name() {
		return this.name;
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	Path log() {
		return this.log;
	}

	/** Starts the node and waits until it reports itself healthy. */
	void start(Duration timeout) {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				// three JVMs and PostgreSQL share two cores here: quick start-up over peak speed
				"-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", this.jar.toString(),
				"--server.port=" + this.port));
		command.addAll(this.arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().putAll(this.environment);
		builder.environment().put("NODE_NAME", this.name);
		try {
			Files.writeString(this.log, "==== starting " + this.name + " on port " + this.port + "\n",
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!isHealthy()) {
			if (!this.process.isAlive()) {
				throw new AssertionError(this.name + " stopped while starting; see " + this.log + "\n" + tail());
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError(this.name + " not healthy after " + timeout + "; see " + this.log + "\n" + tail());
			}
			sleep(500);
		}
	}

	/** {@code kill -9}: no shutdown hook runs, no transaction is finished, no lock is released. */
	void kill() {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		try {
			new ProcessBuilder("kill", "-9", Long.toString(this.process.pid())).inheritIO().start().waitFor();
			this.process.waitFor();
		}
		catch (IOException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A normal shutdown, for the end of the check. */
	void stop() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	boolean isHealthy() {
		try {
			HttpResponse<String> health = HTTP.send(
					HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			return health.statusCode() == 200 && health.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
