package org.pmo.servicelifecycle.postgres;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Method;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * Starts zonky's embedded PostgreSQL. PostgreSQL refuses to run as root (initdb, postgres and pg_ctl all check), and
 * zonky runs them as the user of the JVM. When the build runs as root, as CI does, the binaries are unpacked into a
 * directory of their own where each of the three is replaced by a small script that hands the data directory to the
 * unprivileged user {@code nobody} and runs the real binary as that user.
 */
final class EmbeddedPostgresLauncher {

	/** {@code nobody:nogroup} on Debian and most other Linux systems. */
	private static final String UNPRIVILEGED_ID = "65534";

	private static final List<String> SERVER_BINARIES = List.of("initdb", "postgres", "pg_ctl");

	private static final String WRAPPER = """
			#!/bin/sh
			# PostgreSQL refuses to run as root: run the real binary as an unprivileged user that owns the data directory.
			real="$0.real"
			if [ "$(id -u)" != 0 ]; then
			  exec "$real" "$@"
			fi
			previous=""
			for argument in "$@"; do
			  if [ "$previous" = "-D" ]; then
			    chown -R %1$s:%1$s "$argument"
			  fi
			  previous="$argument"
			done
			exec setpriv --reuid=%1$s --regid=%1$s --clear-groups "$real" "$@"
			""".formatted(UNPRIVILEGED_ID);

	private EmbeddedPostgresLauncher() {
	}

	static EmbeddedPostgres start() throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		if (runsAsRoot()) {
			builder.setOverrideWorkingDirectory(unprivilegedBinaries());
		}
		return builder.start();
	}

	private static boolean runsAsRoot() {
		try {
			return new UnixSystem().getUid() == 0;
		}
		catch (RuntimeException | LinkageError ex) {
			// not a Unix system: PostgreSQL's root check does not apply
			return false;
		}
	}

	/**
	 * Unpacks the binaries once into a working directory of their own (not zonky's shared one, so other builds on the
	 * machine keep the original binaries) and wraps the server binaries. Several JVMs may do this at once.
	 */
	private static File unprivilegedBinaries() throws IOException {
		Path workingDirectory = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg-unprivileged");
		Files.createDirectories(workingDirectory);
		// nobody must reach the binaries and the data directories below this directory
		Files.setPosixFilePermissions(workingDirectory, permissions("rwxr-xr-x"));
		try (FileChannel channel = new RandomAccessFile(workingDirectory.resolve("wrap.lock").toFile(), "rw")
			.getChannel(); FileLock lock = channel.lock()) {
			Path pgDirectory = unpack(DefaultPostgresBinaryResolver.INSTANCE, workingDirectory.toFile()).toPath();
			makeReadableForAll(pgDirectory);
			for (String binary : SERVER_BINARIES) {
				wrap(pgDirectory.resolve("bin").resolve(binary));
			}
		}
		return workingDirectory.toFile();
	}

	/** zonky's own unpacking, so its start finds the binaries where it expects them and does not unpack again. */
	private static File unpack(PgBinaryResolver resolver, File workingDirectory) throws IOException {
		try {
			Method prepareBinaries = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
					File.class);
			prepareBinaries.setAccessible(true);
			return (File) prepareBinaries.invoke(null, resolver, workingDirectory);
		}
		catch (ReflectiveOperationException ex) {
			throw new IOException("Cannot unpack the embedded PostgreSQL binaries with this zonky version; "
					+ "run the build as a non-root user or set PMO_TEST_POSTGRES_URL", ex);
		}
	}

	private static void wrap(Path binary) throws IOException {
		Path real = binary.resolveSibling(binary.getFileName() + ".real");
		if (Files.exists(real)) {
			return;
		}
		Files.move(binary, real);
		Files.writeString(binary, WRAPPER, StandardCharsets.UTF_8);
		Files.setPosixFilePermissions(binary, permissions("rwxr-xr-x"));
	}

	private static void makeReadableForAll(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
				permissions.add(PosixFilePermission.GROUP_READ);
				permissions.add(PosixFilePermission.OTHERS_READ);
				if (Files.isDirectory(path) || permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
					permissions.add(PosixFilePermission.GROUP_EXECUTE);
					permissions.add(PosixFilePermission.OTHERS_EXECUTE);
				}
				Files.setPosixFilePermissions(path, permissions);
			}
		}
	}

	private static Set<PosixFilePermission> permissions(String text) {
		return java.nio.file.attribute.PosixFilePermissions.fromString(text);
	}

}
