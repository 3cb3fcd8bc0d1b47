package org.pmo.servicelifecycle.web;

import java.time.Clock;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/** The HTTP conventions of {@code /api} that live in front of the controllers. */
@Configuration(proxyBeanMethods = false)
class ApiConventionsConfiguration {

	@Bean
	FilterRegistrationBean<ApiErrorPages> apiErrorPages() {
		FilterRegistrationBean<ApiErrorPages> registration = new FilterRegistrationBean<>(new ApiErrorPages());
		registration.setName("pmo-api-error-pages");
		registration.addUrlPatterns("/api/*");
		// outside every other filter of the API, so that their errors are answered alike
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	FilterRegistrationBean<IdempotentCreations> idempotentCreations(JdbcTemplate jdbc, IdentityService identity,
			Clock clock) {
		FilterRegistrationBean<IdempotentCreations> registration = new FilterRegistrationBean<>(
				new IdempotentCreations(jdbc, identity, clock));
		registration.setName("pmo-idempotent-creations");
		registration.addUrlPatterns("/api/*");
		// after the login (order -100): keys are per user, and a caller who is not logged in reserves none
		registration.setOrder(-80);
		return registration;
	}

}
