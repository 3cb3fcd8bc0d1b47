package org.pmo.servicelifecycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pmo.servicelifecycle.WebTestSupport;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A refused form submission is one INFO line in the log, not an ERROR with the engine's stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class PersonsMistakesLogTests extends WebTestSupport {

	@Test
	void shouldLogARefusedSubmissionInOneLine(CapturedOutput output) {
		int before = output.getAll().length();
		ResponseEntity<String> refused = this.rest.withBasicAuth("paul", "paul")
			.exchange("/engine-rest/process-definition/key/pmo-service-lifecycle/submit-form", HttpMethod.POST,
					new HttpEntity<>(Map.of("variables", Map.of("serviceName", Map.of("value", "")))), String.class);
		assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);

		String logged = output.getAll().substring(before);
		assertThat(logged.lines().filter((line) -> line.contains("Refused (")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains(" INFO ", PersonsMistakes.LOGGER.substring(0, 10)));
		assertThat(logged).doesNotContain(" ERROR ").doesNotContain("\tat org.camunda");
	}

}
