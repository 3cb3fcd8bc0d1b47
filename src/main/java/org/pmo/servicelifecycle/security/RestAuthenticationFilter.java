package org.pmo.servicelifecycle.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

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
		}
	}

}
