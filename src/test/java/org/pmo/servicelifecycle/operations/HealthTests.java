package org.pmo.servicelifecycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** Health as operations see it: with the job executor running, as in production. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles("test")
class HealthTests {

	@Autowired
	private TestRestTemplate rest;

	@Test
	void shouldReportDatabaseEngineAndJobExecutorToEveryone() {
		ResponseEntity<String> health = this.rest.getForEntity("/actuator/health", String.class);

		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody()).startsWith("{\"status\":\"UP\"")
			.contains("\"db\":{\"status\":\"UP\"}")
			.contains("\"processEngine\":{\"status\":\"UP\"}")
			.contains("\"jobExecutor\":{\"status\":\"UP\"}")
			// no details for anonymous callers
			.doesNotContain("database\"");
	}

}
