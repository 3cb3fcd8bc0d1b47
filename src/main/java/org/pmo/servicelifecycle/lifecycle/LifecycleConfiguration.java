package org.pmo.servicelifecycle.lifecycle;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApprovalSettings.class)
class LifecycleConfiguration {

	@Bean
	Clock clock() {
		return new EngineClock();
	}

}
