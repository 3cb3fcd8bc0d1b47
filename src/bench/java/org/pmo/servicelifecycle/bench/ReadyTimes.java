package org.pmo.servicelifecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Time to ready on the embedded default (a fresh H2 file: schema, demo users and catalog), for the ways the
 * application starts:
 * <ul>
 * <li>{@code java -jar} on the jar as built (the target's measure);</li>
 * <li>the extracted jar with a class-data sharing archive, made by a training run that stops after the context's
 * refresh: how the Docker image starts;</li>
 * <li>the same with the AOT cache of Java 25 or later, when {@code bench.aot.java} names such a {@code java}.</li>
 * </ul>
 * The archives are made once, before the timed starts, as the image's build makes them.
 */
final class ReadyTimes {

	private static final Duration START_LIMIT = Duration.ofMinutes(3);

	private static final List<String> OWN_SETTINGS = List.of("SPRING_PROFILES_ACTIVE", "DB_URL", "DB_USERNAME",
			"DB_PASSWORD");

	/** How one start is launched: the {@code java} command and its options before the application's arguments. */
	record Launch(String name, List<String> command) {
	}

	private final Path appJar;

	private final Path workDirectory;

	private final String java;

	private Path extracted;

	ReadyTimes(Path appJar, Path workDirectory) {
		this.appJar = appJar.toAbsolutePath();
		// the starts run in directories of their own
		this.workDirectory = workDirectory.toAbsolutePath();
		this.java = ProcessHandle.current().info().command().orElse("java");
	}

	/** The launches to time, their archives made. */
	List<Launch> prepare() throws Exception {
		List<Launch> launches = new ArrayList<>();
		launches.add(new Launch("java -jar", List.of(this.java, "-jar", this.appJar.toString())));
		Path extracted = extract();
		this.extracted = extracted;
		Path application = extracted.resolve("application.jar");
		Path archive = extracted.resolve("application.jsa");
		train(List.of(this.java, "-XX:ArchiveClassesAtExit=" + archive, "-jar", application.toString()), archive);
		launches.add(new Launch("CDS archive, as the image starts",
				List.of(this.java, "-XX:SharedArchiveFile=" + archive, "-jar", application.toString())));
		String aotJava = System.getProperty("bench.aot.java", "");
		if (!aotJava.isBlank()) {
			Path cache = extracted.resolve("application.aot");
			train(List.of(aotJava, "-XX:AOTCacheOutput=" + cache, "-jar", application.toString()), cache);
			launches.add(new Launch("AOT cache of " + version(aotJava),
					List.of(aotJava, "-XX:AOTCache=" + cache, "-jar", application.toString())));
		}
		return launches;
	}

	/** Seconds from the process's start until its readiness probe answers UP. */
	double secondsToReady(Launch launch) throws Exception {
		Path directory = Files.createTempDirectory(this.workDirectory, "embedded-");
		int port = StockNode.freePort();
		List<String> command = new ArrayList<>(launch.command());
		command.add("--server.port=" + port);
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("app.log").toFile());
		OWN_SETTINGS.forEach(builder.environment()::remove);
		Http health = new Http("http://127.0.0.1:" + port, null, null);
		long start = System.nanoTime();
		Process process = builder.start();
		try {
			while (true) {
				Http.Response response = health.get("/actuator/health/readiness");
				if (response.status() == 200 && response.body().contains("\"UP\"")) {
					break;
				}
				require(process.isAlive(), "the embedded default stopped while starting; see " + directory);
				require(System.nanoTime() - start < START_LIMIT.toNanos(), "not ready in 3 minutes: " + directory);
				Thread.sleep(50);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			process.destroy();
			process.waitFor();
			Benchmark.deleteTree(directory);
			return seconds;
		}
		finally {
			process.destroyForcibly();
		}
	}

	/** The jar as the image's build stage extracts it: the application's jar beside its libraries. */
	private Path extract() throws Exception {
		Path extracted = Files.createTempDirectory(this.workDirectory, "extracted-");
		run(List.of(this.java, "-Djarmode=tools", "-jar", this.appJar.toString(), "extract", "--destination",
				extracted.toString(), "--application-filename", "application.jar", "--force"), this.workDirectory,
				"extracting the jar");
		return extracted;
	}

	/**
	 * The image's training run: the embedded default on an in-memory database without the demo, stopped after the
	 * context's refresh; the JVM writes its archive at the exit.
	 */
	private void train(List<String> launch, Path archive) throws Exception {
		Path directory = Files.createTempDirectory(this.workDirectory, "training-");
		List<String> command = new ArrayList<>(launch);
		command.addAll(1, List.of("-Dspring.context.exit=onRefresh"));
		command.addAll(List.of("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:training",
				"--pmo.demo.enabled=false"));
		run(command, directory, "the training run for " + archive.getFileName());
		require(Files.size(archive) > 0, "no archive written: " + archive);
		Benchmark.deleteTree(directory);
	}

	private static String version(String java) throws Exception {
		Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
		String first = new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse(java);
		process.waitFor();
		return first.replaceAll("^\\S+ version \"([^\"]+)\".*$", "Java $1");
	}

	private static void run(List<String> command, Path directory, String what) throws Exception {
		Path log = directory.resolve("run.log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		OWN_SETTINGS.forEach(builder.environment()::remove);
		Process process = builder.start();
		if (!process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(what + " did not end in 3 minutes; see " + log);
		}
		require(process.exitValue() == 0, what + " failed (exit " + process.exitValue() + "); see " + log);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

	/** The extracted jar and its archives, once every start is timed. */
	void clean() throws IOException {
		if (this.extracted != null) {
			Benchmark.deleteTree(this.extracted);
		}
	}

}
