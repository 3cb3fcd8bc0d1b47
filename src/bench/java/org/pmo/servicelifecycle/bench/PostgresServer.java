package org.pmo.servicelifecycle.bench;

import java.lang.reflect.Method;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server the benchmark runs on: the one named by {@code PMO_BENCH_POSTGRES_URL} (or
 * {@code PMO_TEST_POSTGRES_URL}; user {@code PMO_BENCH_POSTGRES_USER}, default {@code postgres}, password
 * {@code PMO_BENCH_POSTGRES_PASSWORD}), otherwise an embedded PostgreSQL started here. Each run creates databases
 * {@code pmo_bench_<random>} and drops them at the end.
 */
final class PostgresServer implements DatabaseServer {

	private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String adminUrl;

	private final String user;

	private final String password;

	private final String description;

	private final AutoCloseable embedded;

	private PostgresServer(String adminUrl, String user, String password, String description, AutoCloseable embedded) {
		this.adminUrl = adminUrl;
		this.user = user;
		this.password = password;
		this.description = description;
		this.embedded = embedded;
	}

	static PostgresServer start() throws Exception {
		String url = firstSet("PMO_BENCH_POSTGRES_URL", "PMO_TEST_POSTGRES_URL");
		if (url != null) {
			String user = firstSet("PMO_BENCH_POSTGRES_USER", "PMO_TEST_POSTGRES_USER");
			String password = firstSet("PMO_BENCH_POSTGRES_PASSWORD", "PMO_TEST_POSTGRES_PASSWORD");
			return new PostgresServer(url, (user != null) ? user : "postgres", (password != null) ? password : "",
					"the server at " + url, null);
		}
		// the test suite's launcher: it also runs the server unprivileged when the benchmark runs as root
		Class<?> launcher = Class.forName("org.pmo.servicelifecycle.postgres.EmbeddedPostgresLauncher");
		Method start = launcher.getDeclaredMethod("start");
		start.setAccessible(true);
		EmbeddedPostgres postgres = (EmbeddedPostgres) start.invoke(null);
		return new PostgresServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
				"an embedded PostgreSQL on port " + postgres.getPort(), postgres);
	}

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public String user() {
		return this.user;
	}

	@Override
	public String password() {
		return this.password;
	}

	@Override
	public boolean isPostgres() {
		return true;
	}

	private static String firstSet(String... names) {
		for (String name : names) {
			String value = System.getenv(name);
			if (value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		return null;
	}

	@Override
	public String createDatabase(String suffix) {
		String name = "pmo_bench_" + HexFormat.of().formatHex(RANDOM.generateSeed(5)) + suffix;
		execute("CREATE DATABASE " + name);
		return name;
	}

	@Override
	public void dropDatabase(String name) {
		if (!name.matches("pmo_bench_[0-9a-z_]+")) {
			throw new IllegalArgumentException("Not a benchmark database: " + name);
		}
		execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	@Override
	public String jdbcUrl(String database) {
		Matcher matcher = JDBC_URL.matcher(this.adminUrl);
		if (!matcher.matches()) {
			throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + this.adminUrl);
		}
		return matcher.group(1) + "/" + database + ((matcher.group(3) != null) ? matcher.group(3) : "");
	}

	@Override
	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), this.user, this.password);
	}

	@Override
	public String version() {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.user, this.password);
				Statement statement = connection.createStatement();
				var result = statement.executeQuery("show server_version")) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			return "unknown";
		}
	}

	@Override
	public String setting(String name) {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.user, this.password);
				Statement statement = connection.createStatement();
				var result = statement.executeQuery("show " + name)) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			return "unknown";
		}
	}

	private void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Failed on " + this.description + ": " + sql, ex);
		}
	}

	@Override
	public void close() throws Exception {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
