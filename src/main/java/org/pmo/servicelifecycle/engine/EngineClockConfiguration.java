package org.pmo.servicelifecycle.engine;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's {@link Clock} is the engine's: catalog timestamps and timer due dates come from one source. */
@Configuration(proxyBeanMethods = false)
class EngineClockConfiguration {

	@Bean
	Clock clock() {
		return new EngineClock();
	}

}
