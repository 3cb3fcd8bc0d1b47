package org.pmo.servicelifecycle.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI 3 document of {@code /api} (springdoc, at {@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}),
 * and the engine REST API's own document from Camunda ({@code camunda-engine-rest-openapi}) beside it. Both are
 * for logged-in users; docs/openapi.yaml is the committed copy of the first.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String ENGINE_REST_DOCUMENT = "/openapi/engine-rest.json";

	@Bean
	OpenAPI pmoApi() {
		return new OpenAPI()
			.info(new Info().title("PMO Service Lifecycle API")
				.version("1")
				.description("""
						The catalog of PMO services, their offerings, agreements and measurements, customers and \
						subscriptions, the strategy and the process owners' models. Every call needs a login: HTTP \
						Basic with a user of the Camunda webapps, or the webapps' session (changes then carry its \
						X-XSRF-TOKEN). Errors are RFC 9457 problem details (application/problem+json) with the \
						offending fields in `errors`; lists are pages (`page`, `size`) with `X-Total-Count` and \
						`Link`; a change of a resource names the version it read in `If-Match` (428 without, 412 \
						when stale); a creation may carry an `Idempotency-Key`. The engine's own REST API \
						(/engine-rest: tasks, messages, deployments) is described by Camunda's document at \
						""" + ENGINE_REST_DOCUMENT + "."))
			.externalDocs(new ExternalDocumentation().description("The engine REST API (Camunda 7.24)")
				.url(ENGINE_REST_DOCUMENT))
			// relative: the document names no host, so it reads the same wherever the application runs
			.servers(List.of(new Server().url("/").description("this application")))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSchemas("Problem", problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

	/** Every operation documents the conventions it follows: its refusals, tags, keys and paging headers. */
	@Bean
	OperationCustomizer apiConventions() {
		return (operation, handler) -> {
			String method = handler.hasMethodAnnotation(PostMapping.class) ? "POST"
					: handler.hasMethodAnnotation(PutMapping.class) ? "PUT"
							: handler.hasMethodAnnotation(PatchMapping.class) ? "PATCH"
									: handler.hasMethodAnnotation(DeleteMapping.class) ? "DELETE" : "GET";
			ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
			operation.setResponses(responses);
			problem(responses, "400", "Bad input: the offending fields are named in `errors`; nothing is stored");
			problem(responses, "401", "No login, or a wrong one");
			problem(responses, "403", "The user's groups do not allow this");
			problem(responses, "404", "What the path names does not exist");
			problem(responses, "406", "The Accept header allows no media type this answers");
			boolean tagged = handler.hasMethodAnnotation(EntityTagged.class);
			if (tagged) {
				responses.entrySet()
					.stream()
					.filter((response) -> response.getKey().startsWith("2"))
					.forEach((response) -> response.getValue()
						.addHeaderObject(HttpHeaders.ETAG, header("The resource's version")));
			}
			if (!"GET".equals(method)) {
				problem(responses, "409", "Contradicts what is stored, or changed by another request at the same moment");
				problem(responses, "415", "The body is not application/json");
			}
			if (tagged && ("PUT".equals(method) || "PATCH".equals(method))) {
				operation.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_MATCH)
					.description("The ETag of the version read; needed when the resource exists")
					.schema(new StringSchema()));
				problem(responses, "412", "The resource has changed since the version If-Match names");
				problem(responses, "428", "A change of an existing resource without If-Match");
			}
			if (tagged && "DELETE".equals(method)) {
				operation.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_MATCH)
					.description("The ETag of the version read: ends it only if unchanged since (may be left out)")
					.schema(new StringSchema()));
				problem(responses, "412", "The resource has changed since the version If-Match names");
			}
			if ("POST".equals(method)) {
				operation.addParametersItem(new HeaderParameter().name("Idempotency-Key")
					.description("A key of the caller's: a retry with the same key and body gets the first answer "
							+ "(with Idempotent-Replayed: true) and creates nothing; kept 24 hours")
					.schema(new StringSchema().maxLength(255)));
				problem(responses, "422", "The Idempotency-Key was used for another request");
			}
			if (handler.getMethod().getReturnType() == ResponseEntity.class
					&& handler.getMethod().getGenericReturnType().getTypeName().contains("java.util.List")) {
				ApiResponse page = responses.get("200");
				if (page != null) {
					page.addHeaderObject(Paging.TOTAL_COUNT, header("How many items there are in all"));
					page.addHeaderObject(HttpHeaders.LINK, header("The first, previous, next and last pages (RFC 8288)"));
				}
			}
			return operation;
		};
	}

	private static void problem(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status, new ApiResponse().description(description)
				.content(new Content().addMediaType(Problems.MEDIA_TYPE.toString(),
						new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
		}
	}

	private static Header header(String description) {
		return new Header().description(description).schema(new StringSchema());
	}

	/** The problem detail every refusal answers with. */
	private static Schema<?> problemSchema() {
		ObjectSchema error = new ObjectSchema();
		error.addProperty("field", new StringSchema().description("The field as the client sent it, e.g. customerSegments[1]"));
		error.addProperty("message", new StringSchema());
		ObjectSchema problem = new ObjectSchema();
		problem.description("RFC 9457 problem details");
		problem.addProperty("type", new StringSchema().example("about:blank"));
		problem.addProperty("title", new StringSchema().example("Bad Request"));
		problem.addProperty("status", new IntegerSchema().example(400));
		problem.addProperty("detail", new StringSchema());
		problem.addProperty("instance", new StringSchema().example("/api/services"));
		problem.addProperty("errors", new ArraySchema().items(error).description("For bad input: each offending field"));
		return problem;
	}

	@RestController
	static class EngineRestDocument {

		private final Resource document = new ClassPathResource("openapi.json");

		@GetMapping(path = ENGINE_REST_DOCUMENT, produces = MediaType.APPLICATION_JSON_VALUE)
		ResponseEntity<Resource> engineRestDocument() {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.document);
		}

	}

}
