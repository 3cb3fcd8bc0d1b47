package org.pmo.servicelifecycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pmo.servicelifecycle.WebTestSupport;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Every request has a correlation id: the caller's when sensible, else a new one, in the answer and the log lines. */
@ExtendWith(OutputCaptureExtension.class)
class RequestCorrelationTests extends WebTestSupport {

	@Test
	void shouldCarryTheCallersIdIntoTheAnswerAndTheLog(CapturedOutput output) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Request-Id", "req-4711.a");
		// a refused engine call, which the application logs
		headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
		ResponseEntity<String> refused = this.rest.withBasicAuth("paul", "paul")
			.exchange("/engine-rest/signal", HttpMethod.POST, new HttpEntity<>("{\"name\":\"x\"}", headers), String.class);

		assertThat(refused.getHeaders().getFirst("X-Request-Id")).isEqualTo("req-4711.a");
		assertThat(output.getOut()).containsPattern("\\[req-4711\\.a\\] .*Refused");
	}

	@Test
	void shouldGiveARequestWithoutASensibleIdANewOne() {
		String fresh = this.rest.getForEntity("/actuator/health", String.class).getHeaders().getFirst("X-Request-Id");
		assertThat(fresh).matches("[0-9a-f-]{36}");

		HttpHeaders forged = new HttpHeaders();
		forged.set("X-Request-Id", "x] Refused everything to admin [y");
		String replaced = this.rest.exchange("/actuator/health", HttpMethod.GET, new HttpEntity<>(forged), String.class)
			.getHeaders()
			.getFirst("X-Request-Id");
		assertThat(replaced).matches("[0-9a-f-]{36}");
	}

}
