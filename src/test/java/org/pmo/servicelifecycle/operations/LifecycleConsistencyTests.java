package org.pmo.servicelifecycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.catalog.Stage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** The consistency check on the embedded default database; {@code LifecycleOnPostgresTests} runs it on PostgreSQL. */
class LifecycleConsistencyTests extends WebTestSupport {

	@Autowired
	private LifecycleConsistency consistency;


	@Test
	void shouldFindTheStageThatDisagreesWithItsLifecycle() {
		// given a request waiting for evaluation
		String code = this.requests
			.request(new ServiceRequest("Lessons-learned facilitation", "Workshop after closure",
					Set.of(CustomerSegment.END_USERS), null))
			.getCode();
		assertThat(mismatchesOf(code)).isEmpty();

		// when its stage is changed behind the engine's back
		this.jdbc.update("update pmo_service set stage = 'PILOT' where code = ?", code);
		try {
			// then
			assertThat(mismatchesOf(code)).singleElement().satisfies((mismatch) -> {
				assertThat(mismatch.catalogStage()).isEqualTo(Stage.PILOT);
				assertThat(mismatch.lifecycleStage()).isEqualTo(Stage.PROPOSED);
				assertThat(mismatch.lifecycleState()).isEqualTo("waiting at Task_EvaluateNeed");
			});
		}
		finally {
			this.jdbc.update("update pmo_service set stage = 'PROPOSED' where code = ?", code);
		}
	}

	@Test
	void shouldAnswerAdministratorsOnly() {
		assertThat(this.rest.getForEntity("/actuator/lifecycleconsistency", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("mark", "mark")
			.getForEntity("/actuator/lifecycleconsistency", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.rest.withBasicAuth("demo", "demo")
			.getForEntity("/actuator/lifecycleconsistency", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private List<LifecycleConsistency.Mismatch> mismatchesOf(String code) {
		return this.consistency.check().mismatches().stream().filter((m) -> code.equals(m.code())).toList();
	}

}
