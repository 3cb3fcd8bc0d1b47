package org.pmo.servicelifecycle.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pmo.servicelifecycle.web.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the Admin webapp's set-up endpoint for good. Camunda 7.24.0 lets anyone create a user in camunda-admin
 * there while that group has no member; this application creates its administrator itself at start-up
 * ({@code ADMIN_USER} / {@code ADMIN_PASSWORD}, or the demo users), so the endpoint is never needed.
 */
class AdminSetupGuard extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Problems.writeEngineError(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
				"The administrator set-up is closed: administrators are created by the application (ADMIN_USER, "
						+ "ADMIN_PASSWORD) and managed in Admin");
	}

}
