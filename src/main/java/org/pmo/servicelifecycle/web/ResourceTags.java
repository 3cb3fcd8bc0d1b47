package org.pmo.servicelifecycle.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
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

	ResourceTags(ObjectMapper json, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.json = json;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
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
	 * named.
	 */
	public <T> T change(HttpServletRequest request, Supplier<Optional<?>> current, Supplier<T> change) {
		String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
		String resource = request.getRequestURI().substring(request.getContextPath().length());
		String lock = lockKey(resource);
		ensureLockRow(lock);
		return this.transactions.execute((status) -> {
			this.jdbc.queryForList("SELECT resource FROM api_resource_lock WHERE resource = ? FOR UPDATE", String.class,
					lock);
			Optional<?> before = current.get();
			boolean named = ifMatch != null && !ifMatch.isBlank();
			if (before.isEmpty()) {
				if (named && !ifMatch.trim().equals("*")) {
					throw new ApiProblemException(HttpStatus.PRECONDITION_FAILED,
							"If-Match names a version of " + resource + ", which does not exist");
				}
			}
			else if (!named) {
				throw new ApiProblemException(HttpStatus.PRECONDITION_REQUIRED, "A change of " + resource
						+ " needs the If-Match header with the ETag its GET answered, so that no other change is overwritten");
			}
			else if (!matches(ifMatch, tagOf(before.get()))) {
				throw new ApiProblemException(HttpStatus.PRECONDITION_FAILED, resource
						+ " has changed since the version If-Match names: read it again (GET), then change that version");
			}
			T result = change.get();
			// the answer carries the tag of the resource as its GET now answers it, whatever the body shows
			current.get().ifPresent((after) -> request.setAttribute(TAG_AFTER_CHANGE, tagOf(after)));
			return result;
		});
	}

	private static boolean matches(String ifMatch, String tag) {
		return Arrays.stream(ifMatch.split(","))
			.map(String::trim)
			.anyMatch((named) -> named.equals("*") || named.equals(tag));
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
