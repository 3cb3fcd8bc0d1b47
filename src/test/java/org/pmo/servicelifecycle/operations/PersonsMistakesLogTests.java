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

	@Test
	void shouldKeepWhatNobodyAskedForAnErrorWithItsTrace() {
		ch.qos.logback.classic.LoggerContext context = (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory
			.getILoggerFactory();
		PersonsMistakes.OneLine filter = new PersonsMistakes.OneLine(context.getLogger(PersonsMistakes.LOGGER));
		ch.qos.logback.classic.Logger engine = context.getLogger("org.camunda.bpm.engine.context");
		ch.qos.logback.classic.Logger jobs = context.getLogger("org.camunda.bpm.engine.jobexecutor");
		RuntimeException mistake = new org.camunda.bpm.engine.BadUserRequestException("no such task");
		RuntimeException failure = new IllegalStateException("the database went away");
		org.slf4j.MDC.put(RequestCorrelation.MDC_KEY, "request-1");
		try {
			assertThat(filter.decide(null, engine, ch.qos.logback.classic.Level.ERROR, "ENGINE-16004 {}",
					new Object[] { mistake }, null)).isEqualTo(ch.qos.logback.core.spi.FilterReply.DENY);
			assertThat(filter.decide(null, engine, ch.qos.logback.classic.Level.ERROR, "ENGINE-16004 {}",
					new Object[] { failure }, null)).isEqualTo(ch.qos.logback.core.spi.FilterReply.NEUTRAL);
			assertThat(filter.decide(null, jobs, ch.qos.logback.classic.Level.WARN, "ENGINE-14006 {}",
					new Object[] { mistake }, null)).isEqualTo(ch.qos.logback.core.spi.FilterReply.NEUTRAL);
		}
		finally {
			org.slf4j.MDC.remove(RequestCorrelation.MDC_KEY);
		}
		// a job's failure runs on no person's request: it keeps its level and trace
		assertThat(filter.decide(null, engine, ch.qos.logback.classic.Level.ERROR, "ENGINE-16004 {}",
				new Object[] { mistake }, null)).isEqualTo(ch.qos.logback.core.spi.FilterReply.NEUTRAL);
	}

}
