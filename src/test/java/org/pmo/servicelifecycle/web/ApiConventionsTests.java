package org.pmo.servicelifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmo.servicelifecycle.ApiClient.json;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.ApiClient;
import org.pmo.servicelifecycle.WebTestSupport;

/**
 * The HTTP conventions integrators expect of {@code /api}: every refusal a problem detail (RFC 9457), entity tags
 * with {@code If-Match} on changes, {@code Idempotency-Key} on creations, lists with their total.
 */
class ApiConventionsTests extends WebTestSupport {

	private static final String REQUEST = """
			{"name": "Benefits tracking %s", "description": "Tracks the benefits of change programmes",
			 "customerSegments": ["PROGRAMME_MANAGERS"]}""";

	private ApiClient anna;

	private ApiClient mark;

	private ApiClient paul;

	@BeforeEach
	void clients() {
		String base = "http://localhost:" + this.port;
		this.anna = new ApiClient(base, "anna", "anna");
		this.mark = new ApiClient(base, "mark", "mark");
		this.paul = new ApiClient(base, "paul", "paul");
	}

	@Test
	void shouldAnswerEveryRefusalAsAProblemDetail() {
		String code = this.lifecycle.live("Problem answers");
		String service = "/api/services/" + code;
		String tag = this.mark.get(service).expect(200).header("ETag");

		problem(this.anna.post("/api/services", json("{\"name\": \"x\", \"customerSegments\": [\"CLOWNS\"]}")), 400);
		assertThat(this.anna.post("/api/services", json("{\"name\": \"x\", \"customerSegments\": [\"CLOWNS\"]}"))
			.body().get("errors").get(0).get("field").asText()).isEqualTo("customerSegments[0]");
		ApiClient nobody = new ApiClient(this.anna.baseUrl(), "anna", "wrong");
		problem(nobody.get(service), 401);
		problem(new ApiClient(this.anna.baseUrl(), "", "").get(service), 401);
		problem(this.paul.send("PATCH", service, "{\"reviewCycle\": \"R/P1M\"}", "If-Match", tag), 403);
		problem(this.mark.get("/api/services/SVC-9999"), 404);
		problem(this.mark.get("/api/nothing-here"), 404);
		ApiClient.Response notAllowed = this.mark.send("DELETE", service, null);
		problem(notAllowed, 405);
		assertThat(notAllowed.header("Allow")).contains("GET", "PATCH");
		problem(this.mark.send("GET", service, null, "Accept", "application/xml"), 406);
		String customer = "{\"name\": \"Twice " + UUID.randomUUID() + "\", \"segment\": \"END_USERS\", "
				+ "\"contactEmail\": \"twice@example.org\"}";
		this.mark.send("POST", "/api/customers", customer).expect(201);
		problem(this.mark.send("POST", "/api/customers", customer), 409);
		problem(this.mark.send("PATCH", service, "{\"reviewCycle\": \"R/P1M\"}", "If-Match", "\"stale\""), 412);
		ApiClient.Response unsupported = this.anna.send("POST", "/api/services", "name=x", "Content-Type", "text/plain");
		problem(unsupported, 415);
		assertThat(unsupported.header("Accept")).contains("application/json");
		problem(this.mark.send("PATCH", service, "{\"reviewCycle\": \"R/P1M\"}"), 428);
		// a service that does not exist is 404, and no lock is made for it
		problem(this.anna.send("POST", "/api/services/SVC-NONE/measurements",
				"[{\"metric\": \"on-time-delivery\", \"period\": \"2026-01\", \"value\": 1}]"), 404);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM api_resource_lock WHERE resource LIKE '%SVC-NONE%'",
				Long.class)).isZero();
		String key = UUID.randomUUID().toString();
		this.anna.send("POST", "/api/services", REQUEST.formatted(key), "Idempotency-Key", key).expect(201);
		problem(this.anna.send("POST", "/api/services", REQUEST.formatted("other"), "Idempotency-Key", key), 422);
	}

	@Test
	void shouldRefuseAChangeMadeOnAStaleVersionAndKeepTheOtherOne() {
		String code = this.lifecycle.live("Tagged changes");
		String service = "/api/services/" + code;
		ApiClient.Response read = this.mark.get(service).expect(200);
		String tag = read.header("ETag");
		assertThat(tag).matches("\"[A-Za-z0-9_-]{22}\"");
		assertThat(this.mark.send("GET", service, null, "If-None-Match", tag).status()).isEqualTo(304);

		ApiClient.Response first = this.mark.send("PATCH", service, "{\"reviewCycle\": \"R/P1M\"}", "If-Match", tag)
			.expect(200);
		assertThat(first.header("ETag")).isNotEqualTo(tag).isEqualTo(this.mark.get(service).header("ETag"));
		// anna read the same version as mark and changes it after him
		ApiClient.Response second = this.anna.send("PATCH", service, "{\"reviewCycle\": \"R/P6M\"}", "If-Match", tag);
		assertThat(second.status()).isEqualTo(412);
		assertThat(this.mark.get(service).body().get("reviewCycle").asText()).isEqualTo("R/P1M");
		assertThat(this.anna.send("PATCH", service, "{\"reviewCycle\": \"R/P6M\"}", "If-Match", first.header("ETag"))
			.expect(200)
			.body()
			.get("reviewCycle")
			.asText()).isEqualTo("R/P6M");

		// offerings are changed as a whole, on the version read
		String offerings = service + "/offerings";
		String offeringsTag = this.mark.get(offerings).expect(200).header("ETag");
		String body = """
				[{"segment": "PROJECT_MANAGERS", "level": "MANDATED",
				  "agreements": [{"metric": "on-time-delivery", "unit": "PERCENT", "direction": "AT_LEAST", "target": 90}]}]""";
		this.anna.send("PUT", offerings, body, "If-Match", offeringsTag).expect(200);
		assertThat(this.anna.send("PUT", offerings, body, "If-Match", offeringsTag).status()).isEqualTo(412);
		assertThat(this.anna.send("PUT", offerings, body).status()).isEqualTo(428);
	}

	@Test
	void shouldEndASubscriptionOnlyIfUnchangedSinceTheVersionNamed() {
		String code = this.lifecycle.live(new org.pmo.servicelifecycle.catalog.ServiceRequest("Tagged clinics " + UUID.randomUUID(),
				"Weekly clinics", java.util.Set.of(org.pmo.servicelifecycle.catalog.CustomerSegment.PROJECT_MANAGERS),
				org.pmo.servicelifecycle.catalog.OfferingLevel.ADDITIONAL), "R/P3M");
		long customer = this.mark.post("/api/customers", json("{\"name\": \"Tagged office " + UUID.randomUUID()
				+ "\", \"segment\": \"PROJECT_MANAGERS\", \"contactEmail\": \"tagged@example.org\"}")).expect(201)
			.body().get("id").asLong();
		long subscription = this.mark.post("/api/customers/" + customer + "/subscriptions",
				json("{\"service\": \"" + code + "\"}")).expect(201).body().get("id").asLong();
		String path = "/api/customers/" + customer + "/subscriptions/" + subscription;
		String tag = this.mark.get(path).expect(200).header("ETag");
		assertThat(tag).isNotBlank();

		problem(this.mark.send("DELETE", path, null, "If-Match", "\"stale\""), 412);
		assertThat(this.mark.get(path).body().get("status").asText()).isEqualTo("ACTIVE");
		ApiClient.Response ended = this.mark.send("DELETE", path, null, "If-Match", tag).expect(200);
		assertThat(ended.body().get("status").asText()).isEqualTo("ENDED");
		assertThat(ended.header("ETag")).isNotEqualTo(tag);
		problem(this.mark.send("DELETE", path, null), 409);
	}

	@Test
	void shouldAnswerARetriedCreationWithTheFirstAnswerAndCreateNothing() {
		long services = count("pmo_service");
		String key = UUID.randomUUID().toString();
		String request = REQUEST.formatted(key);
		ApiClient.Response first = this.paul.send("POST", "/api/services", request, "Idempotency-Key", key).expect(201);
		ApiClient.Response retry = this.paul.send("POST", "/api/services", request, "Idempotency-Key", key).expect(201);
		assertThat(retry.text()).isEqualTo(first.text());
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(count("pmo_service")).isEqualTo(services + 1);
		// the same key with another body: 422, nothing created
		assertThat(this.paul.send("POST", "/api/services", REQUEST.formatted("another"), "Idempotency-Key", key).status())
			.isEqualTo(422);
		// a key is the user's own: anna's same key is a request of her own
		this.anna.send("POST", "/api/services", request, "Idempotency-Key", key).expect(201);
		assertThat(count("pmo_service")).isEqualTo(services + 2);
		assertThat(this.paul.send("POST", "/api/services", request, "Idempotency-Key", "has space").status())
			.isEqualTo(400);

		// a retried measurement counts once
		String code = this.lifecycle.live("Measured once");
		this.anna.put("/api/services/" + code + "/agreements", json("""
				[{"metric": "on-time-delivery", "unit": "PERCENT", "direction": "AT_LEAST", "target": 90}]""")).expect(200);
		String measurement = """
				[{"metric": "on-time-delivery", "period": "%s", "value": 95}]""".formatted(YearMonth.now());
		String measurementKey = UUID.randomUUID().toString();
		long measurements = count("sla_measurement");
		for (int attempt = 0; attempt < 3; attempt++) {
			this.anna.send("POST", "/api/services/" + code + "/measurements", measurement, "Idempotency-Key", measurementKey)
				.expect(201);
		}
		assertThat(count("sla_measurement")).isEqualTo(measurements + 1);
		// a refused request keeps no answer: corrected, it goes through with its key
		String refusedKey = UUID.randomUUID().toString();
		this.anna.send("POST", "/api/services", "{\"name\": \"\"}", "Idempotency-Key", refusedKey).expect(400);
		this.anna.send("POST", "/api/services", REQUEST.formatted(refusedKey), "Idempotency-Key", refusedKey).expect(201);
		assertThat(count("pmo_service")).isEqualTo(services + 4);
	}

	@Test
	void shouldLetOnlyOneOfTwoChangesOnTheSameVersionThroughEvenAtTheSameMoment() throws Exception {
		String code = this.lifecycle.live("Changed at once");
		String service = "/api/services/" + code;
		for (int round = 0; round < 3; round++) {
			// each round both change the version they read, each to a cycle of his own
			String marks = "{\"reviewCycle\": \"R/P" + (2 + 2 * round) + "W\"}";
			String annas = "{\"reviewCycle\": \"R/P" + (3 + 2 * round) + "W\"}";
			String tag = this.mark.get(service).expect(200).header("ETag");
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService people = Executors.newFixedThreadPool(2);
			try {
				Future<Integer> first = people.submit(() -> {
					start.await();
					return this.mark.send("PATCH", service, marks, "If-Match", tag).status();
				});
				Future<Integer> second = people.submit(() -> {
					start.await();
					return this.anna.send("PATCH", service, annas, "If-Match", tag).status();
				});
				start.countDown();
				assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
					.containsExactlyInAnyOrder(200, 412);
			}
			finally {
				people.shutdownNow();
			}
		}
		// another way of writing the path names the same resource and the same version
		int year = java.time.Year.now().getValue() + 5;
		ApiClient sara = new ApiClient(this.anna.baseUrl(), "sara", "sara");
		sara.send("PUT", "/api/capacity/" + year, "{\"capacityDays\": 100, \"budget\": 1000}").expect(200);
		String capacityTag = sara.get("/api/capacity/" + year).header("ETag");
		sara.send("PUT", "/api/capacity/0" + year, "{\"capacityDays\": 200, \"budget\": 1000}", "If-Match", capacityTag)
			.expect(200);
		assertThat(sara.send("PUT", "/api/capacity/" + year, "{\"capacityDays\": 300, \"budget\": 1000}", "If-Match",
				capacityTag).status()).isEqualTo(412);
		assertThat(sara.get("/api/capacity/" + year).body().get("capacityDays").asDouble()).isEqualTo(200);
		// If-Match names a version: of a resource that does not exist there is none, * included
		assertThat(sara.send("PUT", "/api/capacity/" + (year + 1), "{\"capacityDays\": 1, \"budget\": 1}", "If-Match", "*")
			.status()).isEqualTo(412);
	}

	@Test
	void shouldCountTheWholeListAndLinkItsPages() {
		this.lifecycle.request("Paged one");
		this.lifecycle.request("Paged two");
		long services = count("pmo_service");
		ApiClient.Response page = this.mark.get("/api/services?size=1&page=1").expect(200);
		assertThat(page.body().isArray()).isTrue();
		assertThat(page.body().size()).isEqualTo(1);
		assertThat(page.header("X-Total-Count")).isEqualTo(Long.toString(services));
		assertThat(page.header("Link")).contains("</api/services?size=1&page=0>; rel=\"first\"")
			.contains("</api/services?size=1&page=0>; rel=\"prev\"")
			.contains("</api/services?size=1&page=2>; rel=\"next\"")
			.contains("</api/services?size=1&page=" + (services - 1) + ">; rel=\"last\"");
		this.mark.post("/api/customers", json("{\"name\": \"Paged " + UUID.randomUUID()
				+ "\", \"segment\": \"END_USERS\", \"contactEmail\": \"paged@example.org\"}")).expect(201);
		ApiClient.Response beyond = this.mark.get("/api/customers?page=99").expect(200);
		assertThat(beyond.body().size()).isZero();
		assertThat(Long.parseLong(beyond.header("X-Total-Count"))).isPositive();
		problem(this.mark.get("/api/services?size=501"), 400);
	}

	private long count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
	}

	private static void problem(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		if (status >= 400) {
			assertThat(response.header("Content-Type")).as(response.text()).startsWith("application/problem+json");
			JsonNode problem = response.body();
			assertThat(problem.get("status").asInt()).isEqualTo(status);
			assertThat(problem.get("title").asText()).isNotBlank();
			assertThat(problem.get("detail").asText()).isNotBlank();
		}
	}

}
