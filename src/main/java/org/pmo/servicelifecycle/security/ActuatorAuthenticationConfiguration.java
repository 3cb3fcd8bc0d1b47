package org.pmo.servicelifecycle.security;

import java.io.IOException;

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
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * The actuator's endpoints are for Camunda administrators (HTTP Basic, same users as Tasklist), except health, which
 * load balancers and container health checks ask anonymously, and the metrics, which PMO managers watch too.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorAuthenticationConfiguration {

	static final String ACTUATOR_PATHS = "/actuator/*";

	static final String PUBLIC_PREFIX = "/actuator/health";

	static final String METRICS_PATH = "/actuator/prometheus";

	@Bean
	FilterRegistrationBean<ActuatorAuthenticationFilter> actuatorAuthenticationFilter(
			ObjectProvider<ApplicationAuthority> application) {
		FilterRegistrationBean<ActuatorAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ActuatorAuthenticationFilter(application));
		registration.setName("pmo-actuator-authentication");
		registration.addUrlPatterns(ACTUATOR_PATHS);
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.setOrder(-100);
		return registration;
	}

	/** Authenticates like the REST API, then lets only administrators through. */
	static class ActuatorAuthenticationFilter extends ProcessEngineAuthenticationFilter {

		private final ObjectProvider<ApplicationAuthority> application;

		ActuatorAuthenticationFilter(ObjectProvider<ApplicationAuthority> application) {
			this.application = application;
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
			super.doFilter(request, response, (authenticatedRequest, authenticatedResponse) -> {
				if (isAdministrator() || (metrics && isPmoManager())) {
					chain.doFilter(authenticatedRequest, authenticatedResponse);
				}
				else {
					HttpServletResponse forbidden = (HttpServletResponse) authenticatedResponse;
					forbidden.setStatus(HttpServletResponse.SC_FORBIDDEN);
					forbidden.setContentType(MediaType.APPLICATION_JSON_VALUE);
					forbidden.getWriter()
						.write("{\"status\":403,\"message\":\"For administrators"
								+ (metrics ? " and PMO managers" : "") + " only\",\"errors\":[]}");
				}
			});
		}

		private boolean isPmoManager() {
			return this.application.getObject().currentGroupIds().contains(Groups.PMO_MANAGERS);
		}

		private boolean isAdministrator() {
			return this.application.getObject().currentUserIsAdministrator();
		}

	}

}
