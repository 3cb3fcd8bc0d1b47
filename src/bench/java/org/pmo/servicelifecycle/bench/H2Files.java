package org.pmo.servicelifecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The H2 variant ({@code bench/run … --h2}): each database is an H2 file under the benchmark's work directory, as the
 * embedded default keeps its data. {@code AUTO_SERVER} lets the benchmark read the stock JVM's database while that JVM
 * has it open.
 */
final class H2Files implements DatabaseServer {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path directory;

	H2Files(Path workDirectory) throws IOException {
		this.directory = Files.createDirectories(workDirectory.resolve("h2").toAbsolutePath());
	}

	@Override
	public String description() {
		return "H2 files under " + this.directory;
	}

	@Override
	public String version() {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:version", "sa", "");
				var result = connection.createStatement().executeQuery("select h2version()")) {
			result.next();
			return "H2 " + result.getString(1);
		}
		catch (SQLException ex) {
			return "H2";
		}
	}

	@Override
	public String setting(String name) {
		return "–";
	}

	@Override
	public String createDatabase(String suffix) {
		return "pmo_bench_" + HexFormat.of().formatHex(RANDOM.generateSeed(5)) + suffix;
	}

	@Override
	public void dropDatabase(String name) {
		if (!name.matches("pmo_bench_[0-9a-z_]+")) {
			throw new IllegalArgumentException("Not a benchmark database: " + name);
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().startsWith(name + ".")).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not delete the H2 files of " + name, ex);
		}
	}

	@Override
	public String jdbcUrl(String database) {
		return "jdbc:h2:file:" + this.directory.resolve(database) + ";AUTO_SERVER=TRUE";
	}

	@Override
	public String user() {
		return "sa";
	}

	@Override
	public String password() {
		return "";
	}

	@Override
	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), user(), password());
	}

	@Override
	public boolean isPostgres() {
		return false;
	}

	@Override
	public void close() {
	}

}
