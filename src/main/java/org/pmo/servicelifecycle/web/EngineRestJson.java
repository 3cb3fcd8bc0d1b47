package org.pmo.servicelifecycle.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;

import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One JSON mapper for the engine REST API, configured as Camunda configures its own. Camunda's resolver builds a new
 * mapper each time a resource or the JSON provider asks for one, so every request (an inbox page over this API asks
 * three times) built Jackson's serializers and deserializers anew: 9 % of the request threads' time on that page. A
 * mapper is safe to share once configured, and nothing in the REST API changes it afterwards; its date format is
 * copied for each use.
 */
@Component
class EngineRestJson implements ResourceConfigCustomizer {

	@Override
	public void customize(org.glassfish.jersey.server.ResourceConfig config) {
		config.register(SharedMapper.class);
	}

	@Priority(1)
	@Produces({ MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON })
	static class SharedMapper implements ContextResolver<ObjectMapper> {

		@Override
		public ObjectMapper getContext(Class<?> type) {
			return shared();
		}

		static ObjectMapper shared() {
			return Shared.MAPPER;
		}

		/** Made at the first request, once the start has set Camunda's date format. */
		private static final class Shared {

			static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

		}

	}

}
