package org.pmo.servicelifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The OpenAPI document of {@code /api} is the one committed in docs/openapi.yaml: when the code's document differs,
 * this fails and writes the code's to target/openapi.yaml (copy it over docs/openapi.yaml when the change is meant).
 */
class OpenApiDocumentTests extends WebTestSupport {

	private static final Path COMMITTED = Path.of("docs/openapi.yaml");

	@Test
	void shouldMatchTheCommittedDocument() throws IOException {
		ResponseEntity<String> document = this.rest.withBasicAuth("paul", "paul")
			.getForEntity("/v3/api-docs.yaml", String.class);
		assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
		String generated = document.getBody();
		assertThat(generated).contains("/api/services/{code}/offerings", "/api/customers/{id}/subscriptions",
				"application/problem+json:", "$ref: \"#/components/schemas/Problem\"", "name: Idempotency-Key",
				"name: If-Match", "X-Total-Count:", "ETag:", "$ref: \"#/components/schemas/OfferingTerms\"");
		String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
		if (!generated.equals(committed)) {
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target/openapi.yaml"), generated);
		}
		assertThat(generated).as("docs/openapi.yaml differs from the code's document, written to target/openapi.yaml")
			.isEqualTo(committed);
	}

	@Test
	void shouldShowTheDocumentsToLoggedInUsersOnly() {
		for (String path : new String[] { "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/", "/v3/api-docs/swagger-config",
				"/swagger-ui.html", "/swagger-ui/", "/swagger-ui/swagger-initializer.js" }) {
			assertThat(this.rest.getForEntity(path, String.class).getStatusCode()).as(path)
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		assertThat(this.rest.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.getForEntity(ApiDocumentation.ENGINE_REST_DOCUMENT, String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("mark", "mark").getForEntity("/swagger-ui/index.html", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> engine = this.rest.withBasicAuth("mark", "mark")
			.getForEntity(ApiDocumentation.ENGINE_REST_DOCUMENT, String.class);
		assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(engine.getBody()).contains("\"openapi\"", "/process-definition/key/{key}/start");
	}

}
