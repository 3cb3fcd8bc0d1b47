package org.pmo.servicelifecycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.ApiClient;
import org.pmo.servicelifecycle.WebTestSupport;

/** /actuator/info tells administrators which build runs, and from which commit; nobody else. */
class BuildInfoTests extends WebTestSupport {

	@Test
	void shouldTellTheBuildAndItsCommitToAdministrators() {
		JsonNode info = new ApiClient("http://localhost:" + this.port, "demo", "demo").get("/actuator/info").expect(200).body();

		assertThat(info.path("build").path("artifact").asText()).isEqualTo("pmo-service-lifecycle");
		assertThat(info.path("build").path("version").asText()).isNotBlank();
		assertThat(info.path("build").path("time").asText()).isNotBlank();
		// the tests run in a checkout: its commit is told
		assertThat(info.path("git").path("commit").path("id").asText()).matches("[0-9a-f]{7,40}");
		assertThat(new ApiClient("http://localhost:" + this.port, "mark", "mark").get("/actuator/info").status())
			.isEqualTo(403);
		assertThat(this.rest.getForEntity("/actuator/info", String.class).getStatusCode().value()).isEqualTo(401);
	}

}
