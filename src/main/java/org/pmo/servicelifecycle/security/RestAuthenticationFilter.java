package org.pmo.servicelifecycle.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.pmo.servicelifecycle.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Camunda's HTTP Basic authentication, skipped for a request the webapp session already authenticated. The password
 * check and the reads of the user's groups and tenants run in one transaction of their own (Camunda runs three), which
 * ends before the request's own work begins: what the request does later cannot undo the login's record.
 */
class RestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

	/** How Camunda's provider recognises HTTP Basic. */
	private static final String BASIC = "Basic ";

	private final TransactionTemplate login;

	RestAuthenticationFilter(PlatformTransactionManager transactions) {
		this.login = new TransactionTemplate(transactions);
		// its own, whatever runs around it
		this.login.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void init(FilterConfig config) throws ServletException {
		super.init(config);
		this.authenticationProvider = new LoginInOneTransaction(this.authenticationProvider);
	}

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

	/**
	 * Camunda's provider, with the user's groups and tenants read in its transaction: the filter reads them itself
	 * only when the result has none.
	 */
	private final class LoginInOneTransaction implements AuthenticationProvider {

		private final AuthenticationProvider provider;

		LoginInOneTransaction(AuthenticationProvider provider) {
			this.provider = provider;
		}

		@Override
		public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header == null || !header.startsWith(BASIC)) {
				// refused without a password check: no connection for it
				return this.provider.extractAuthenticatedUser(request, engine);
			}
			return RestAuthenticationFilter.this.login.execute((status) -> {
				AuthenticationResult result = this.provider.extractAuthenticatedUser(request, engine);
				if (result.isAuthenticated()) {
					String userId = result.getAuthenticatedUser();
					if (result.getGroups() == null) {
						result.setGroups(getGroupsOfUser(engine, userId));
					}
					if (result.getTenants() == null) {
						result.setTenants(getTenantsOfUser(engine, userId));
					}
				}
				return result;
			});
		}

		@Override
		public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
			this.provider.augmentResponseByAuthenticationChallenge(response, engine);
		}

	}

}
