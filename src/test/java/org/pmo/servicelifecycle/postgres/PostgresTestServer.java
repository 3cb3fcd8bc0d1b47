package org.pmo.servicelifecycle.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;

/**
 * The PostgreSQL server the PostgreSQL tests run on, one per JVM: the server named by {@code PMO_TEST_POSTGRES_URL}
 * (with {@code PMO_TEST_POSTGRES_USER}, default {@code postgres}, and {@code PMO_TEST_POSTGRES_PASSWORD}) when it is
 * set, otherwise an embedded PostgreSQL started here. Every test context gets a fresh database of its own,
 * {@code pmo_test_<random>}, so parallel and repeated runs never meet.
 */
public final class PostgresTestServer {

	public static final String URL_VARIABLE = "PMO_TEST_POSTGRES_URL";

	public static final String USER_VARIABLE = "PMO_TEST_POSTGRES_USER";

	public static final String PASSWORD_VARIABLE = "PMO_TEST_POSTGRES_PASSWORD";

	private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static PostgresTestServer instance;

	/** The maintenance database URL: where databases are created and dropped. */
	private final String adminUrl;

	private final String user;

	private final String password;

	private final String description;

	private PostgresTestServer(String adminUrl, String user, String password, String description) {
		this.adminUrl = adminUrl;
		this.user = user;
		this.password = password;
		this.description = description;
	}

	public static synchronized PostgresTestServer get() {
		if (instance == null) {
			instance = start();
			System.out.println("PostgreSQL tests run on " + instance.description);
		}
		return instance;
	}

	private static PostgresTestServer start() {
		String url = System.getenv(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			String user = System.getenv().getOrDefault(USER_VARIABLE, "postgres");
			String password = System.getenv().getOrDefault(PASSWORD_VARIABLE, "");
			return new PostgresTestServer(url.strip(), user, password, "the server at " + url.strip());
		}
		try {
			EmbeddedPostgres embedded = EmbeddedPostgresLauncher.start();
			// after the test contexts have closed their pools and engines at JVM exit, not alongside them
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					embedded.close();
				}
				catch (IOException ex) {
					// the JVM ends anyway; zonky removes stale data directories on its next start
				}
			});
			return new PostgresTestServer(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "",
					"an embedded PostgreSQL on port " + embedded.getPort() + " (set " + URL_VARIABLE
							+ " to use a server)");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL", ex);
		}
	}

	/** Creates an empty database and returns its name. */
	public String createDatabase() {
		String name = "pmo_test_" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
		execute("CREATE DATABASE " + name);
		return name;
	}

	/** Drops a database made by {@link #createDatabase()}, even while connections to it are still open. */
	public void dropDatabase(String name) {
		if (!name.matches("pmo_test_[0-9a-f]+")) {
			throw new IllegalArgumentException("Not a test database: " + name);
		}
		execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	public String jdbcUrl(String database) {
		Matcher matcher = JDBC_URL.matcher(this.adminUrl);
		if (!matcher.matches()) {
			throw new IllegalStateException(URL_VARIABLE + " is not a PostgreSQL JDBC URL: " + this.adminUrl);
		}
		return matcher.group(1) + "/" + database + ((matcher.group(3) != null) ? matcher.group(3) : "");
	}

	public String user() {
		return this.user;
	}

	public String password() {
		return this.password;
	}

	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), this.user, this.password);
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

}
