package org.pmo.servicelifecycle.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.web.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Admin webapp's plugin endpoints (usage metrics, and whatever a later Camunda adds there) are for administrators:
 * they run their queries past the engine's command chain, so the engine's allowlist never sees them.
 */
class AdminPluginGuard extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		UserAuthentication user = WebappSessionAuthenticationFilter.sessionUser(request);
		if (user != null && user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
			chain.doFilter(request, response);
			return;
		}
		Problems.writeEngineError(response,
				(user == null) ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_FORBIDDEN, "Forbidden",
				"The Admin webapp's plugins are for administrators");
	}

}
