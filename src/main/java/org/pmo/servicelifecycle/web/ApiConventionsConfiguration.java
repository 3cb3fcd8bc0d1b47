package org.pmo.servicelifecycle.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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

}
