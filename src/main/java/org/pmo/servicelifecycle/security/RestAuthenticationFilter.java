package org.pmo.servicelifecycle.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.pmo.servicelifecycle.web.Problems;
import org.springframework.http.HttpStatus;

/** Camunda's HTTP Basic authentication, skipped for a request the webapp session already authenticated. */
class RestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request.getAttribute(WebappSessionAuthenticationFilter.AUTHENTICATED_BY_SESSION) != null) {
			chain.doFilter(request, response);
		}
		else {
			super.doFilter(request, response, chain);
			HttpServletRequest httpRequest = (HttpServletRequest) request;
			String path = httpRequest.getRequestURI().substring(httpRequest.getContextPath().length());
			if (path.startsWith("/api/")) {
				explainRefusedLogin((HttpServletResponse) response, path);
			}
		}
	}

	/** Camunda's filter answers a missing or wrong login with an empty 401: the API says why, as a problem. */
	static void explainRefusedLogin(HttpServletResponse response, String path) throws IOException {
		if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && !response.isCommitted()) {
			Problems.write(response, HttpStatus.UNAUTHORIZED,
					"Log in with HTTP Basic (a user of the Camunda webapps) or the webapps' session", path);
		}
	}

}
