package org.pmo.servicelifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The engine's hardening settings are in force. */
class HardeningTests extends WebTestSupport {

	@Autowired
	private Environment environment;

	@Test
	void shouldRunWithAuthorizationJsonVariablesAndQueryLimit() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();

		assertThat(configuration.isAuthorizationEnabled()).isTrue();
		assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
		assertThat(configuration.getDefaultSerializationFormat()).isEqualTo("application/json");
		assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
		assertThat(configuration.isEnableXxeProcessing()).isFalse();
		assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
	}

	@Test
	void shouldRefuseJavaSerializedVariables() {
		String instanceId = this.requests
			.request(new ServiceRequest("Serialization probe", "x", Set.of(CustomerSegment.END_USERS), null))
			.getLifecycleInstanceId();

		assertThatThrownBy(() -> this.engine.getRuntimeService()
			.setVariable(instanceId, "payload",
					Variables.serializedObjectValue("rO0ABXQABWhlbGxv")
						.serializationDataFormat(SerializationDataFormats.JAVA)
						.objectTypeName(String.class.getName())
						.create())).isInstanceOf(ProcessEngineException.class).hasMessageContaining("Java serialization");
	}

	@Test
	void shouldRefuseXmlWithExternalEntities() {
		String xxe = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
				  <process id="xxe" name="&secret;" isExecutable="true"><startEvent id="s"/></process>
				</definitions>""";

		assertThatThrownBy(() -> this.engine.getRepositoryService()
			.createDeployment()
			.addString("xxe.bpmn", xxe)
			.deploy()).isInstanceOf(ProcessEngineException.class);
		assertThat(this.engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("xxe").count())
			.isZero();
	}

	@Test
	void shouldKeepCookiesHttpOnlyAndSameSiteAndSecureWhenConfigured() {
		assertThat(this.environment.getProperty("server.servlet.session.cookie.http-only", Boolean.class)).isTrue();
		assertThat(this.environment.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("lax");
		assertThat(this.environment.getProperty("camunda.bpm.webapp.csrf.enable-same-site-cookie", Boolean.class))
			.isTrue();
		// SECURE_COOKIES=true switches both to Secure; it is off here (plain HTTP in tests)
		assertThat(this.environment.getProperty("server.servlet.session.cookie.secure", Boolean.class)).isFalse();
		assertThat(this.environment.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie", Boolean.class)).isFalse();
		assertThat(this.environment.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie", Boolean.class))
			.isFalse();
	}

}
