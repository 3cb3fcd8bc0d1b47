package org.pmo.servicelifecycle.lifecycle;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LifecycleConfiguration {

	@Bean
	Clock clock() {
		return new EngineClock();
	}

}
