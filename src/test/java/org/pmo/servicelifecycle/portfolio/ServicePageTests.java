package org.pmo.servicelifecycle.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.ApiClient;
import org.pmo.servicelifecycle.WebTestSupport;

/**
 * The data of a service's page: everything for the PMO, and for a customer the service without the strategy's
 * figures, the other customers or the lifecycle's instances.
 */
class ServicePageTests extends WebTestSupport {

	@Test
	void shouldShowTheServiceToEveryReaderAndTheInternalsToThePmoOnly() {
		String code = this.lifecycle.live("Schedule clinics");
		String path = "/api/portfolio/services/" + code;

		JsonNode forTheManager = client("mark").get(path).expect(200).body();
		JsonNode forTheCustomer = client("paul").get(path).expect(200).body();

		assertThat(forTheManager.get("service").get("code").asText()).isEqualTo(code);
		assertThat(forTheManager.get("valueScore").isNumber()).isTrue();
		assertThat(forTheManager.get("subscribers").isArray()).isTrue();
		assertThat(forTheManager.get("mayOpenCockpit").asBoolean()).isTrue();
		assertThat(forTheManager.get("waiting").get(0).get("instanceId").asText()).isNotBlank();
		assertThat(forTheManager.get("waiting").get(0).get("activityIds").toString()).contains("Task_OperateService");

		assertThat(forTheCustomer.get("service").get("code").asText()).isEqualTo(code);
		assertThat(forTheCustomer.get("offerings")).isNotEmpty();
		assertThat(forTheCustomer.get("valueScore").isNull()).isTrue();
		assertThat(forTheCustomer.get("priority").isNull()).isTrue();
		assertThat(forTheCustomer.get("businessCase").isNull()).isTrue();
		assertThat(forTheCustomer.get("subscribers").isNull()).isTrue();
		assertThat(forTheCustomer.get("notices").isNull()).isTrue();
		assertThat(forTheCustomer.get("mayOpenCockpit").asBoolean()).isFalse();
		assertThat(forTheCustomer.get("waiting").get(0).get("instanceId").isNull()).isTrue();

		assertThat(client("mark").get("/api/portfolio/services/SVC-9999").status()).isEqualTo(404);
		assertThat(client("mark").get("/api/portfolio/services/nonsense").status()).isEqualTo(404);
		assertThat(new ApiClient("http://localhost:" + this.port, "mark", "wrong").get(path).status()).isEqualTo(401);
	}

	private ApiClient client(String user) {
		return new ApiClient("http://localhost:" + this.port, user, user);
	}

}
