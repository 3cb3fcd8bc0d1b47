package org.pmo.servicelifecycle.bench;

import java.sql.Connection;
import java.sql.SQLException;

/** Where the benchmark's databases live: a PostgreSQL server (the default) or H2 files ({@code --h2}). */
interface DatabaseServer extends AutoCloseable {

	/** E.g. "the server at jdbc:postgresql://…" or "H2 files under target/bench/h2". */
	String description();

	String version();

	/** A server setting worth printing with the figures, or "–" where the database has no such thing. */
	String setting(String name);

	/** A new, empty database for one run; its name ends with the suffix. */
	String createDatabase(String suffix);

	void dropDatabase(String name);

	String jdbcUrl(String database);

	String user();

	String password();

	Connection connect(String database) throws SQLException;

	/** PostgreSQL: statistics views, ANALYZE and session sampling are available. */
	boolean isPostgres();

}
