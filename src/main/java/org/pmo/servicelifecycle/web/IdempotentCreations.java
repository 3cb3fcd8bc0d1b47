package org.pmo.servicelifecycle.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every creation of the API ({@code POST}): the first answer of a key is kept (per user,
 * 24 hours) and a retry with the same key and body gets it again, with {@code Idempotent-Replayed: true}, and creates
 * nothing; the same key with another body is 422, and while the first request is still being answered 409. Only
 * successful answers are kept: a refused request may be corrected and sent again with its key.
 */
public class IdempotentCreations extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	static final Duration KEPT = Duration.ofHours(24);

	/** A reservation older than this was left by a node that stopped while answering: it may be taken over. */
	static final Duration ABANDONED = Duration.ofMinutes(5);

	private static final int MAX_BODY = RequestBody.MAX_BYTES;

	private static final Logger log = LoggerFactory.getLogger(IdempotentCreations.class);

	private final JdbcTemplate jdbc;

	private final Supplier<String> currentUser;

	private final Clock clock;

	private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

	/** {@code currentUser}: who the login made the caller, null when nobody. */
	public IdempotentCreations(JdbcTemplate jdbc, Supplier<String> currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		String path = request.getRequestURI();
		if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch((c) -> c > 0x20 && c < 0x7f)) {
			refuse(response, HttpStatus.BAD_REQUEST, HEADER + ": must be 1 to 255 visible ASCII characters", path);
			return;
		}
		String user = this.currentUser.get();
		if (user == null) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = RequestBody.readAtMostTheLimit(request);
		if (body == null) {
			refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "A creation with an " + HEADER + " may send at most 1 MiB",
					path);
			return;
		}
		String fingerprint = fingerprint(request, body);
		purgeExpired();
		Long reservedAt = reserve(user, key, fingerprint, response, path);
		if (reservedAt == null) {
			return;
		}
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(new RequestBody(request, body), answer);
			if (answer.getStatus() >= 200 && answer.getStatus() < 300 && answer.getContentSize() <= MAX_BODY) {
				this.jdbc.update("UPDATE api_idempotent_request SET status = ?, location = ?, content_type = ?, body = ? "
						+ "WHERE user_id = ? AND idempotency_key = ? AND created_at = ?", answer.getStatus(),
						answer.getHeader(HttpHeaders.LOCATION), answer.getContentType(),
						new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8), user, key, reservedAt);
				kept = true;
			}
		}
		finally {
			if (!kept) {
				// only this request's own reservation: one that took it over after it was abandoned keeps its own
				this.jdbc.update("DELETE FROM api_idempotent_request WHERE user_id = ? AND idempotency_key = ? "
						+ "AND created_at = ? AND status IS NULL", user, key, reservedAt);
			}
			answer.copyBodyToResponse();
		}
	}

	/**
	 * Reserves the key for this request and says when (the reservation's mark); otherwise answers for it (a replay,
	 * 422 or 409) and says null.
	 */
	private Long reserve(String user, String key, String fingerprint, HttpServletResponse response, String path)
			throws IOException {
		Instant now = this.clock.instant();
		try {
			this.jdbc.update("INSERT INTO api_idempotent_request (user_id, idempotency_key, fingerprint, created_at) "
					+ "VALUES (?, ?, ?, ?)", user, key, fingerprint, now.toEpochMilli());
			return now.toEpochMilli();
		}
		catch (DataIntegrityViolationException used) {
			List<Map<String, Object>> rows = this.jdbc.queryForList(
					"SELECT fingerprint, status, location, content_type, body, created_at FROM api_idempotent_request "
							+ "WHERE user_id = ? AND idempotency_key = ?", user, key);
			if (rows.isEmpty()) {
				// the first request with this key was refused meanwhile: this one may go ahead
				return reserve(user, key, fingerprint, response, path);
			}
			Map<String, Object> first = rows.get(0);
			if (!fingerprint.equals(first.get("fingerprint"))) {
				refuse(response, HttpStatus.UNPROCESSABLE_ENTITY, "This " + HEADER
						+ " was used for another request (another path or body): use a new key for a new request", path);
				return null;
			}
			if (first.get("status") == null) {
				Instant reserved = Instant.ofEpochMilli(((Number) first.get("created_at")).longValue());
				if (reserved.isBefore(now.minus(ABANDONED)) && this.jdbc.update(
						"UPDATE api_idempotent_request SET created_at = ? WHERE user_id = ? AND idempotency_key = ? "
								+ "AND status IS NULL AND created_at = ?",
						now.toEpochMilli(), user, key, first.get("created_at")) == 1) {
					return now.toEpochMilli();
				}
				refuse(response, HttpStatus.CONFLICT,
						"The first request with this " + HEADER + " is still being answered: retry in a moment", path);
				return null;
			}
			replay(first, response);
			return null;
		}
	}

	private static void replay(Map<String, Object> first, HttpServletResponse response) throws IOException {
		response.setStatus(((Number) first.get("status")).intValue());
		response.setHeader(REPLAYED, "true");
		if (first.get("location") != null) {
			response.setHeader(HttpHeaders.LOCATION, first.get("location").toString());
		}
		if (first.get("content_type") != null) {
			response.setContentType(first.get("content_type").toString());
		}
		Object body = first.get("body");
		if (body != null) {
			byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
		}
	}

	private void purgeExpired() {
		Instant now = this.clock.instant();
		Instant last = this.lastPurge.get();
		if (last.isBefore(now.minus(Duration.ofMinutes(1))) && this.lastPurge.compareAndSet(last, now)) {
			int purged = this.jdbc.update("DELETE FROM api_idempotent_request WHERE created_at < ?",
					now.minus(KEPT).toEpochMilli());
			if (purged > 0) {
				log.debug("Forgot {} idempotency keys older than {}", purged, KEPT);
			}
		}
	}

	private static String fingerprint(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
					+ ((request.getQueryString() != null) ? request.getQueryString() : "") + "\n")
				.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void refuse(HttpServletResponse response, HttpStatus status, String detail, String path)
			throws IOException {
		log.info("Refused POST {} with {}: {}", Problems.oneLine(path), status.value(), detail);
		Problems.write(response, status, detail, path);
	}

}
