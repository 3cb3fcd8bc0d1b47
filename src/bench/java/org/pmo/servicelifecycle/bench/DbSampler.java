package org.pmo.servicelifecycle.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples what the PostgreSQL sessions of one database are doing while a scenario runs (pg_stat_activity every
 * 100 ms): on CPU, waiting for a lock, for I/O, for the client. The evidence for database-bound figures.
 */
final class DbSampler implements AutoCloseable {

	private final Map<String, Integer> samples = new TreeMap<>();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final Thread thread;

	private int ticks;

	private long[] first;

	private long[] last;

	private static final String COUNTERS = "select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, "
			+ "tup_fetched + tup_returned from pg_stat_database where datname = ?";

	private DbSampler(DatabaseServer server, String database) {
		this.thread = new Thread(() -> sample(server, database), "db-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Samples PostgreSQL's sessions of the database; on H2 there is nothing to sample and it stays empty. */
	static DbSampler start(DatabaseServer server, String database) {
		return new DbSampler(server, database);
	}

	private void sample(DatabaseServer server, String database) {
		if (!server.isPostgres()) {
			return;
		}
		try (Connection connection = server.connect(database);
				PreparedStatement statement = connection.prepareStatement(
						"select coalesce(wait_event_type, 'CPU') || case when wait_event_type = 'Lock' then ':' || wait_event "
								+ "else '' end, count(*) from pg_stat_activity where datname = ? and state = 'active' "
								+ "and pid <> pg_backend_pid() group by 1")) {
			statement.setString(1, database);
			this.first = counters(connection, database);
			while (this.running.get()) {
				synchronized (this) {
					this.ticks++;
					try (ResultSet result = statement.executeQuery()) {
						while (result.next()) {
							this.samples.merge(result.getString(1), result.getInt(2), Integer::sum);
						}
					}
				}
				Thread.sleep(100);
			}
			Thread.sleep(1500);
			this.last = counters(connection, database);
		}
		catch (Exception ex) {
			// sampling is evidence only; a failure leaves it empty
		}
	}

	private static long[] counters(Connection connection, String database) throws java.sql.SQLException {
		try (PreparedStatement statement = connection.prepareStatement(COUNTERS)) {
			statement.setString(1, database);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				long[] values = new long[6];
				for (int i = 0; i < values.length; i++) {
					values[i] = result.getLong(i + 1);
				}
				return values;
			}
		}
	}

	/** Transactions and rows written and read during the scenario, per unit of work (e.g. per service). */
	synchronized String perUnit(double units, String unit) {
		if (this.first == null || this.last == null || units <= 0) {
			return "";
		}
		return String.format("per %s: %.1f commits, %.1f rollbacks, %.1f rows inserted, %.1f updated, %.1f deleted, "
				+ "%.0f read", unit, (this.last[0] - this.first[0]) / units, (this.last[1] - this.first[1]) / units,
				(this.last[2] - this.first[2]) / units, (this.last[3] - this.first[3]) / units,
				(this.last[4] - this.first[4]) / units, (this.last[5] - this.first[5]) / units);
	}

	/** Average active sessions by state, e.g. "active sessions 1.6: CPU 1.2, IO 0.3, Lock:tuple 0.1". */
	@Override
	public synchronized String toString() {
		if (this.ticks == 0) {
			return "no samples";
		}
		double total = this.samples.values().stream().mapToInt(Integer::intValue).sum() / (double) this.ticks;
		StringBuilder text = new StringBuilder(String.format("active sessions %.1f", total));
		String separator = ": ";
		for (Map.Entry<String, Integer> entry : this.samples.entrySet()) {
			text.append(separator).append(String.format("%s %.2f", entry.getKey(), entry.getValue() / (double) this.ticks));
			separator = ", ";
		}
		return text.toString();
	}

	@Override
	public void close() throws InterruptedException {
		this.running.set(false);
		this.thread.join(3000);
	}

}
