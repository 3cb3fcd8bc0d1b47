package org.pmo.servicelifecycle.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entity tags of the API's changeable resources and the {@code If-Match} rule: a resource's tag is a hash of the
 * representation its GET answers, a change must name the tag it was made on (428 without, 412 when the resource has
 * changed since), and the check and the change run in one transaction that holds the resource's lock, on every node.
 */
@Component
public class ResourceTags {

	static final String TAG_AFTER_CHANGE = ResourceTags.class.getName() + ".after";

	private final ObjectMapper json;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	/** How long a change waits for another change of the same resource (H2 waits its own lock timeout). */
	static final Duration LOCK_WAIT = Duration.ofSeconds(5);

	private final boolean postgres;

	ResourceTags(ObjectMapper json, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			DataSource dataSource) {
		this.json = json;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.postgres = isPostgres(dataSource);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The database cannot be reached", ex);
		}
	}

	/** The strong entity tag of a representation, quoted as the header carries it. */
	public String tagOf(Object representation) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(this.json.writeValueAsBytes(representation));
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16)) + "\"";
		}
		catch (JsonProcessingException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("No tag for " + representation.getClass().getSimpleName(), ex);
		}
	}

	/**
	 * Makes a change of the resource the request names when its {@code If-Match} still holds. {@code current} reads the
	 * resource as its GET answers, empty when it does not exist yet: then the change creates it, and no tag may be
	 * named ({@code If-Match: *} included). {@code lock} names the resource canonically (see {@link #locked}).
	 */
	public <T> T change(HttpServletRequest request, String lock, Supplier<Optional<?>> current, Supplier<T> change) {
		return change(request, lock, current, change, true);
	}

	/**
	 * Ends a resource (a DELETE): {@code If-Match} is checked when given (412 when stale) and may be left out, since
	 * ending what has ended already is refused anyway (409).
	 */
	public <T> T end(HttpServletRequest request, String lock, Supplier<Optional<?>> current, Supplier<T> end) {
		return change(request, lock, current, end, false);
	}

	private <T> T change(HttpServletRequest request, String lock, Supplier<Optional<?>> current, Supplier<T> change,
			boolean tagRequired) {
		String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
		String resource = request.getRequestURI().substring(request.getContextPath().length());
		// what does not exist and cannot be created is 404 before any lock row is made for it
		current.get();
		return locked(lock, () -> {
			Optional<?> before = current.get();
			boolean named = ifMatch != null && !ifMatch.isBlank();
			if (before.isEmpty()) {
				if (named) {
					throw new ApiProblemException(HttpStatus.PRECONDITION_FAILED,
							"If-Match names a version of " + resource + ", which does not exist");
				}
			}
			else if (!named && tagRequired) {
				throw new ApiProblemException(HttpStatus.PRECONDITION_REQUIRED, "A change of " + resource
						+ " needs the If-Match header with the ETag its GET answered, so that no other change is overwritten");
			}
			else if (named && !matches(ifMatch, tagOf(before.get()))) {
				throw new ApiProblemException(HttpStatus.PRECONDITION_FAILED, resource
						+ " has changed since the version If-Match names: read it again (GET), then change that version");
			}
			T result = change.get();
			// the answer carries the tag of the resource as its GET now answers it, whatever the body shows
			current.get().ifPresent((after) -> request.setAttribute(TAG_AFTER_CHANGE, tagOf(after)));
			return result;
		});
	}

	/**
	 * Runs a change of the resource named by {@code lock} (a canonical name such as {@code service:SVC-0001}, the same
	 * for every way of writing its path) in one transaction that holds the resource's lock: the changes of one
	 * resource, tagged or not, run one after the other. A lock not had within a few seconds is a 409.
	 */
	public <T> T locked(String lock, Supplier<T> change) {
		String key = lockKey(lock);
		ensureLockRow(key);
		return this.transactions.execute((status) -> {
			if (this.postgres) {
				this.jdbc.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT.toMillis() + "ms'");
			}
			this.jdbc.queryForList("SELECT resource FROM api_resource_lock WHERE resource = ? FOR UPDATE", String.class,
					key);
			return change.get();
		});
	}

	private static boolean matches(String ifMatch, String tag) {
		return names(ifMatch, tag, false);
	}

	/**
	 * Whether a precondition header ({@code If-Match}, {@code If-None-Match}) names the tag: {@code *} names every
	 * version; a weak comparison (If-None-Match's) also takes the tag marked weak.
	 */
	static boolean names(String header, String tag, boolean weak) {
		return Arrays.stream(header.split(","))
			.map(String::trim)
			.anyMatch((named) -> named.equals("*") || named.equals(tag) || (weak && named.equals("W/" + tag)));
	}

	/** The lock's row is created on its own (committed at once, a race for it is harmless), then held. */
	private void ensureLockRow(String key) {
		try {
			this.jdbc.update("INSERT INTO api_resource_lock (resource) SELECT ? WHERE NOT EXISTS "
					+ "(SELECT 1 FROM api_resource_lock WHERE resource = ?)", key, key);
		}
		catch (DataIntegrityViolationException inserted) {
			// another request inserted it at the same moment
		}
	}

	private static String lockKey(String resource) {
		return (resource.length() > 255) ? resource.substring(0, 255) : resource;
	}

}
