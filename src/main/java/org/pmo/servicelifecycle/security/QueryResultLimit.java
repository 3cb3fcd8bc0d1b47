package org.pmo.servicelifecycle.security;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine refuses queries of an authenticated user that ask for more than {@code queryMaxResultsLimit} rows, and
 * unbounded ones too. So that a plain {@code GET /engine-rest/task} keeps working, a request of the engine REST API
 * (or of the webapps' engine API) that names no {@code maxResults} asks for the limit; one that asks for more is
 * refused by the engine with {@code 400}.
 */
class QueryResultLimit extends OncePerRequestFilter {

	static final String MAX_RESULTS = "maxResults";

	private final int limit;

	QueryResultLimit(int limit) {
		this.limit = limit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean query = "GET".equals(request.getMethod()) || "POST".equals(request.getMethod());
		if (query && request.getParameter(MAX_RESULTS) == null) {
			chain.doFilter(new LimitedRequest(request, this.limit), response);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final String limit;

		LimitedRequest(HttpServletRequest request, int limit) {
			super(request);
			this.limit = String.valueOf(limit);
		}

		@Override
		public String getQueryString() {
			String query = super.getQueryString();
			String added = MAX_RESULTS + "=" + this.limit;
			return (query == null || query.isEmpty()) ? added : query + "&" + added;
		}

		@Override
		public String getParameter(String name) {
			return MAX_RESULTS.equals(name) ? this.limit : super.getParameter(name);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
			parameters.put(MAX_RESULTS, new String[] { this.limit });
			return Collections.unmodifiableMap(parameters);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return MAX_RESULTS.equals(name) ? new String[] { this.limit } : super.getParameterValues(name);
		}

	}

}
