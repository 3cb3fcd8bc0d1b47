package org.pmo.servicelifecycle.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * The API's one style of lists: the body is the page as a JSON array (as it always was), {@code page} (from 0) and
 * {@code size} (1 to 500, 50 by default) choose it, {@code X-Total-Count} says how many items there are in all, and
 * {@code Link} (RFC 8288) names the first, previous, next and last pages.
 */
public final class Paging {

	public static final String TOTAL_COUNT = "X-Total-Count";

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	private Paging() {
	}

	/** One page the store has cut, with the total it counted. */
	public static <T> ResponseEntity<List<T>> page(List<T> items, long total, int page, int size,
			HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(TOTAL_COUNT, Long.toString(total));
		long last = Math.max(0, (total - 1) / size);
		List<String> links = new ArrayList<>();
		links.add(link(request, 0, "first"));
		if (page > 0) {
			links.add(link(request, Math.min(page - 1, last), "prev"));
		}
		if (page < last) {
			links.add(link(request, page + 1, "next"));
		}
		links.add(link(request, last, "last"));
		headers.set(HttpHeaders.LINK, String.join(", ", links));
		return ResponseEntity.ok().headers(headers).body(items);
	}

	/** One page of a list that is read whole (a service's history, the customers). */
	public static <T> ResponseEntity<List<T>> slice(List<T> all, int page, int size, HttpServletRequest request) {
		long from = Math.min((long) page * size, all.size());
		long to = Math.min(from + size, all.size());
		return page(List.copyOf(all.subList((int) from, (int) to)), all.size(), page, size, request);
	}

	private static String link(HttpServletRequest request, long page, String relation) {
		// the request's path and query are encoded already: kept as they are, not encoded twice
		UriComponents uri = ServletUriComponentsBuilder.fromRequest(request)
			.replaceQueryParam("page", page)
			.build(true);
		return "<" + uri.getPath() + ((uri.getQuery() != null) ? "?" + uri.getQuery() : "") + ">; rel=\"" + relation
				+ "\"";
	}

}
