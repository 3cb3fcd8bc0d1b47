package org.pmo.servicelifecycle.security;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.web.IdempotentCreations;

/**
 * HTTP Basic against the Camunda identity service for the engine REST API and the catalog API: the same users and
 * passwords as Tasklist, and the engine knows who acts (authorization, audit, four-eyes). Reading the catalog API and
 * the portfolio page also works with a Camunda webapps session; the webapps keep their own login and CSRF
 * protection. Also the web-side guards: the closed Admin set-up and the query limit.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfiguration {

	/** The API's documents and Swagger UI: for logged-in users, like the API. */
	static final List<String> DOCUMENT_PATHS = List.of("/v3/api-docs/*", "/v3/api-docs.yaml", "/v3/api-docs.yaml/*",
			"/swagger-ui/*", "/swagger-ui.html", "/openapi/*");

	static final String[] BASIC_PATHS = Stream
		.concat(Stream.of("/engine-rest/*", "/api/*"), DOCUMENT_PATHS.stream())
		.toArray(String[]::new);

	static final String[] SESSION_PATHS = Stream
		.concat(Stream.of("/api/*", WebappSessionAuthenticationFilter.PORTFOLIO_PATH,
				WebappSessionAuthenticationFilter.PORTFOLIO_PATH + "/*"), DOCUMENT_PATHS.stream())
		.toArray(String[]::new);

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
	FilterRegistrationBean<RestAuthenticationFilter> restAuthenticationFilter(
			PlatformTransactionManager transactions) {
		FilterRegistrationBean<RestAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new RestAuthenticationFilter(transactions));
		registration.setName("pmo-rest-authentication");
		registration.addUrlPatterns(BASIC_PATHS);
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		// before the REST servlets, right after the session check
		registration.setOrder(-100);
		return registration;
	}

	@Bean
	FilterRegistrationBean<IdempotentCreations> idempotentCreations(JdbcTemplate jdbc,
			@Lazy ApplicationAuthority application, Clock clock) {
		FilterRegistrationBean<IdempotentCreations> registration = new FilterRegistrationBean<>(
				new IdempotentCreations(jdbc, application::currentUserId, clock));
		registration.setName("pmo-idempotent-creations");
		registration.addUrlPatterns("/api/*");
		// after the login: keys are per user, and a caller who is not logged in reserves none
		registration.setOrder(-80);
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
	FilterRegistrationBean<AdminPluginGuard> adminPluginGuard(
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
		FilterRegistrationBean<AdminPluginGuard> registration = new FilterRegistrationBean<>(new AdminPluginGuard());
		registration.setName("pmo-admin-plugin-guard");
		registration.addUrlPatterns(webappPath + "/api/admin/plugin/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<QueryResultLimit> queryResultLimit(
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
			SecuritySettings settings) {
		int limit = settings.queryMaxResults();
		FilterRegistrationBean<QueryResultLimit> registration = new FilterRegistrationBean<>(new QueryResultLimit(limit));
		registration.setName("pmo-query-result-limit");
		registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
		registration.setOrder(-90);
		return registration;
	}

}
