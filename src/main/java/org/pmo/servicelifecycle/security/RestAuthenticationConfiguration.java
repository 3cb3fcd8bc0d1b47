package org.pmo.servicelifecycle.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against the Camunda identity service for the engine REST API and the catalog API: the same users and
 * passwords as Tasklist, and the engine knows who acts (authorization, audit, four-eyes). Reading the catalog API and
 * the portfolio page also works with a Camunda webapps session.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfiguration {

	static final String[] BASIC_PATHS = { "/engine-rest/*", "/api/*", OperationsEndpointFilter.METRICS_PATH };

	static final String[] SESSION_PATHS = { "/api/*", WebappSessionAuthenticationFilter.PORTFOLIO_PATH,
			WebappSessionAuthenticationFilter.PORTFOLIO_PATH + "/*" };

	@Bean
	FilterRegistrationBean<WebappSessionAuthenticationFilter> webappSessionAuthenticationFilter(
			IdentityService identityService) {
		FilterRegistrationBean<WebappSessionAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new WebappSessionAuthenticationFilter(identityService));
		registration.setName("pmo-webapp-session-authentication");
		registration.addUrlPatterns(SESSION_PATHS);
		registration.setOrder(-110);
		return registration;
	}

	@Bean
	FilterRegistrationBean<OperationsEndpointFilter> operationsEndpointFilter(IdentityService identityService) {
		FilterRegistrationBean<OperationsEndpointFilter> registration = new FilterRegistrationBean<>(
				new OperationsEndpointFilter(identityService));
		registration.setName("pmo-operations-endpoints");
		registration.addUrlPatterns(OperationsEndpointFilter.METRICS_PATH);
		// after authentication
		registration.setOrder(-90);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RestAuthenticationFilter> restAuthenticationFilter() {
		FilterRegistrationBean<RestAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new RestAuthenticationFilter());
		registration.setName("pmo-rest-authentication");
		registration.addUrlPatterns(BASIC_PATHS);
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		// before the REST servlets, right after the session check
		registration.setOrder(-100);
		return registration;
	}

}
