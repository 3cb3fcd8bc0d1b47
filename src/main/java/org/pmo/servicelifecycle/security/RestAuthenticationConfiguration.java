package org.pmo.servicelifecycle.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against the Camunda identity service for the engine REST API and the catalog API: the same users and
 * passwords as Tasklist, and the engine knows who acts (authorization, audit, four-eyes).
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

}
