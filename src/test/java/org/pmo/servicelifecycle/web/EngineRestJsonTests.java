package org.pmo.servicelifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;

/** The engine REST API's one shared JSON mapper answers as Camunda's own mapper per request did. */
class EngineRestJsonTests extends WebTestSupport {

	@Test
	void oneMapperConfiguredAsCamundas() {
		EngineRestJson.SharedMapper resolver = new EngineRestJson.SharedMapper();
		assertThat(resolver.getContext(Object.class)).isSameAs(resolver.getContext(String.class));
		int serializers = serializersOfTheSharedMapper();
		// a type no request has written yet: the engine's user profile
		assertThat(this.rest.withBasicAuth("mark", "mark")
			.getForEntity("/engine-rest/user/mark/profile", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		// the REST API wrote it with the shared mapper, which now keeps its serializer
		assertThat(serializersOfTheSharedMapper()).isGreaterThan(serializers);

		// Camunda's date format, with milliseconds and the zone offset
		ResponseEntity<List<Map<String, Object>>> deployments = this.rest.withBasicAuth("demo", "demo")
			.exchange("/engine-rest/deployment?maxResults=1", HttpMethod.GET, null,
					new ParameterizedTypeReference<List<Map<String, Object>>>() {
					});
		assertThat(deployments.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(deployments.getBody()).isNotEmpty();
		assertThat(String.valueOf(deployments.getBody().get(0).get("deploymentTime")))
			.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");

		// unknown properties of a query are ignored, as with Camunda's mapper
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> query = this.rest.withBasicAuth("mark", "mark")
			.exchange("/engine-rest/task/count", HttpMethod.POST,
					new HttpEntity<>("{\"noSuchCriterion\":1,\"candidateGroup\":\"pmo-managers\"}", json), String.class);
		assertThat(query.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(query.getBody()).contains("\"count\"");

		// a date in a query is read in the same format
		ResponseEntity<String> dated = this.rest.withBasicAuth("mark", "mark")
			.exchange("/engine-rest/task/count", HttpMethod.POST,
					new HttpEntity<>("{\"dueBefore\":\"2030-01-01T00:00:00.000+0000\"}", json), String.class);
		assertThat(dated.getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> badDate = this.rest.withBasicAuth("mark", "mark")
			.exchange("/engine-rest/task/count", HttpMethod.POST,
					new HttpEntity<>("{\"dueBefore\":\"next tuesday\"}", json), String.class);
		assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private static int serializersOfTheSharedMapper() {
		return ((DefaultSerializerProvider) EngineRestJson.SharedMapper.shared().getSerializerProvider())
			.cachedSerializersCount();
	}

}
