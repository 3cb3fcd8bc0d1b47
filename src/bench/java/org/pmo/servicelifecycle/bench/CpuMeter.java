package org.pmo.servicelifecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the CPU went during a scenario, from /proc: the whole machine, this JVM (application and driver), the stock
 * JVM and the PostgreSQL server's processes. The evidence for what limits a figure.
 */
final class CpuMeter {

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	private final long stockPid;

	private Snapshot start;

	private CpuMeter(long stockPid) {
		this.stockPid = stockPid;
	}

	static CpuMeter start(long stockPid) {
		CpuMeter meter = new CpuMeter(stockPid);
		meter.start = meter.snapshot();
		return meter;
	}

	record Snapshot(long nanos, long total, long idle, long self, long stock, long postgres) {
	}

	/** Shares of the machine's capacity (all cores) in percent: busy, this JVM, the stock JVM, PostgreSQL. */
	record Usage(double busy, double self, double stock, double postgres) {

		@Override
		public String toString() {
			return String.format("CPU busy %.0f%% (this JVM %.0f%%, stock JVM %.0f%%, PostgreSQL %.0f%%)", this.busy,
					this.self, this.stock, this.postgres);
		}

	}

	Usage stop() {
		Snapshot end = snapshot();
		double totalTicks = Math.max(1, end.total - this.start.total);
		double busy = 100.0 * (1 - (end.idle - this.start.idle) / totalTicks);
		return new Usage(busy, 100.0 * (end.self - this.start.self) / totalTicks,
				100.0 * (end.stock - this.start.stock) / totalTicks, 100.0 * (end.postgres - this.start.postgres) / totalTicks);
	}

	private Snapshot snapshot() {
		long total = 0;
		long idle = 0;
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			for (int i = 1; i < cpu.length && i <= 8; i++) {
				total += Long.parseLong(cpu[i]);
			}
			idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
		}
		catch (IOException | RuntimeException ex) {
			// no /proc: no figures
		}
		long postgres = 0;
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter((p) -> p.getFileName().toString().matches("\\d+")).toList()) {
				String stat = read(process.resolve("stat"));
				if (stat != null && stat.contains("(postgres)")) {
					postgres += ticks(stat);
				}
			}
		}
		catch (IOException ex) {
			// no /proc
		}
		return new Snapshot(System.nanoTime(), total, idle, ticksOf(ProcessHandle.current().pid()), ticksOf(this.stockPid),
				postgres);
	}

	private static long ticksOf(long pid) {
		if (pid <= 0) {
			return 0;
		}
		String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
		return (stat != null) ? ticks(stat) : 0;
	}

	private static long ticks(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// utime and stime are fields 14 and 15 of the line, 12 and 13 after the command
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	private static String read(Path path) {
		try {
			List<String> lines = Files.readAllLines(path);
			return lines.isEmpty() ? null : lines.get(0);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	static int cores() {
		return CORES;
	}

	/** Resident set size of a process in MiB, from /proc/&lt;pid&gt;/status. */
	static double rssMiB(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
				}
			}
		}
		catch (IOException ex) {
			// no /proc
		}
		return Double.NaN;
	}

}
