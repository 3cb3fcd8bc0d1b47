package org.pmo.servicelifecycle.security;

import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.web.ApiOperation;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Authorization of the catalog API by group (see {@link ApiOperation}). */
@Configuration(proxyBeanMethods = false)
class ApiAccessConfiguration implements WebMvcConfigurer {

	private final ApplicationAuthority application;

	ApiAccessConfiguration(@Lazy ApplicationAuthority application) {
		this.application = application;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ApiAccessInterceptor(this.application)).addPathPatterns("/api/**");
	}

}
