package org.pmo.servicelifecycle.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP Basic against the Camunda identity service for the engine REST API and the catalog API: the same users and
 * passwords as Tasklist, and the engine knows who acts (authorization, audit, four-eyes). The webapps keep their
 * own session login and CSRF protection. Also the web-side guards: the closed Admin set-up and the query limit.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfiguration {

	static final String[] PROTECTED_PATHS = { "/engine-rest/*", "/api/*" };

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("pmo-rest-authentication");
		registration.addUrlPatterns(PROTECTED_PATHS);
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		// before the REST servlets, right after Spring's own request set-up
		registration.setOrder(-100);
		return registration;
	}

	@Bean
	FilterRegistrationBean<AdminSetupGuard> adminSetupGuard(
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
		FilterRegistrationBean<AdminSetupGuard> registration = new FilterRegistrationBean<>(new AdminSetupGuard());
		registration.setName("pmo-admin-setup-guard");
		registration.addUrlPatterns(webappPath + "/api/admin/setup/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<QueryResultLimit> queryResultLimit(
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
			@Value("${pmo.security.query-max-results:2000}") int limit) {
		FilterRegistrationBean<QueryResultLimit> registration = new FilterRegistrationBean<>(new QueryResultLimit(limit));
		registration.setName("pmo-query-result-limit");
		registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
		registration.setOrder(-90);
		return registration;
	}

}
