package org.pmo.servicelifecycle.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.pmo.servicelifecycle.web.Problems;

/**
 * The actuator's endpoints are for Camunda administrators (HTTP Basic, same users as Tasklist), except health, which
 * load balancers and container health checks ask anonymously, and the metrics, which PMO managers watch too and the
 * scrape account (no person) reads.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorAuthenticationConfiguration {

	static final String ACTUATOR_PATHS = "/actuator/*";

	static final String PUBLIC_PREFIX = "/actuator/health";

	static final String METRICS_PATH = "/actuator/prometheus";

	@Bean
	FilterRegistrationBean<ActuatorAuthenticationFilter> actuatorAuthenticationFilter(
			ObjectProvider<ApplicationAuthority> application,
			@Value("${pmo.metrics.scrape-user:prometheus}") String scrapeUser,
			@Value("${pmo.metrics.scrape-password:}") String scrapePassword) {
		FilterRegistrationBean<ActuatorAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ActuatorAuthenticationFilter(application, new ScrapeAccount(scrapeUser, scrapePassword)));
		registration.setName("pmo-actuator-authentication");
		registration.addUrlPatterns(ACTUATOR_PATHS);
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.setOrder(-100);
		return registration;
	}

	/** Authenticates like the REST API, then lets only administrators through. */
	static class ActuatorAuthenticationFilter extends ProcessEngineAuthenticationFilter {

		private final ObjectProvider<ApplicationAuthority> application;

		private final ScrapeAccount scraper;

		ActuatorAuthenticationFilter(ObjectProvider<ApplicationAuthority> application, ScrapeAccount scraper) {
			this.application = application;
			this.scraper = scraper;
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			HttpServletRequest httpRequest = (HttpServletRequest) request;
			String path = httpRequest.getRequestURI().substring(httpRequest.getContextPath().length());
			if (path.equals(PUBLIC_PREFIX) || path.startsWith(PUBLIC_PREFIX + "/")) {
				chain.doFilter(request, response);
				return;
			}
			boolean metrics = path.equals(METRICS_PATH);
			String authorization = httpRequest.getHeader(HttpHeaders.AUTHORIZATION);
			if (metrics && this.scraper.names(authorization)) {
				// the scraper is no person: checked here, apart from the people's logins and their throttle
				if (this.scraper.accepts(authorization)) {
					chain.doFilter(request, response);
				}
				else {
					HttpServletResponse refused = (HttpServletResponse) response;
					refused.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"metrics\"");
					Problems.write(refused, HttpStatus.UNAUTHORIZED, "Wrong scrape password", path);
				}
				return;
			}
			super.doFilter(request, response, (authenticatedRequest, authenticatedResponse) -> {
				if (isAdministrator() || (metrics && isPmoManager())) {
					chain.doFilter(authenticatedRequest, authenticatedResponse);
				}
				else {
					Problems.write((HttpServletResponse) authenticatedResponse, HttpStatus.FORBIDDEN,
							"For administrators" + (metrics ? " and PMO managers" : "") + " only", path);
				}
			});
			RestAuthenticationFilter.explainRefusedLogin((HttpServletResponse) response, path);
		}

		private boolean isPmoManager() {
			return this.application.getObject().currentGroupIds().contains(Groups.PMO_MANAGERS);
		}

		private boolean isAdministrator() {
			return this.application.getObject().currentUserIsAdministrator();
		}

	}


	/**
	 * The account a Prometheus server scrapes with: no person and no Camunda user, configured by SCRAPE_USER and
	 * SCRAPE_PASSWORD (none without a password), good for {@code /actuator/prometheus} only.
	 */
	record ScrapeAccount(String user, String password) {

		/** The request names the scrape account (whatever its password). */
		boolean names(String authorization) {
			String[] credentials = credentials(authorization);
			return !this.password.isEmpty() && credentials != null && this.user.equals(credentials[0]);
		}

		boolean accepts(String authorization) {
			String[] credentials = credentials(authorization);
			return credentials != null && this.user.equals(credentials[0])
					&& MessageDigest.isEqual(digest(this.password), digest(credentials[1]));
		}

		private static String[] credentials(String authorization) {
			if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
				return null;
			}
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return (colon < 0) ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		private static byte[] digest(String text) {
			try {
				return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public String toString() {
			return "ScrapeAccount[" + this.user + "]";
		}

	}

}
