package org.pmo.servicelifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The scrape account is no person: it reads the metrics and nothing else, and neither its wrong passwords nor a
 * person's touch the other's logins, from the same address.
 */
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "pmo.metrics.scrape-password=scrape-secret-1")
class ScrapeAccountTests extends WebTestSupport {

	@Test
	void shouldScrapeTheMetricsAndNothingElse() {
		ResponseEntity<String> metrics = scrape("scrape-secret-1", "/actuator/prometheus");
		assertThat(metrics.getStatusCode()).as(metrics.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(metrics.getBody()).contains("pmo_services");

		assertThat(scrape("scrape-secret-1", "/api/services").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(scrape("scrape-secret-1", "/actuator/lifecycleconsistency").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(scrape("scrape-secret-1", "/engine-rest/process-definition/count").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(scrape("wrong", "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldKeepTheScraperAndThePeoplesLoginsApart() {
		// a person's wrong passwords make his address wait: the scraper, from the same address, does not
		for (int i = 0; i < 8; i++) {
			assertThat(this.rest.withBasicAuth("mark", "guess-" + i).getForEntity("/actuator/prometheus", String.class)
				.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		assertThat(scrape("scrape-secret-1", "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.OK);

		// the scraper's wrong passwords count for no person: another one reads the metrics from the same address at once
		for (int i = 0; i < 8; i++) {
			assertThat(scrape("guess-" + i, "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		assertThat(this.rest.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(scrape("scrape-secret-1", "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private ResponseEntity<String> scrape(String password, String path) {
		return this.rest.withBasicAuth("prometheus", password).getForEntity(path, String.class);
	}

}
