package org.pmo.servicelifecycle.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmo.servicelifecycle.ApiClient.json;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.ApiClient;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.identity.Groups;

/**
 * Customers and their subscriptions over {@code /api/customers}: the PMO managers add customers, a customer's people
 * act for their own organisation only, subscriptions go to additional offerings of live services, once; every
 * refusal names the field or the conflict and stores nothing.
 */
class CustomerApiTests extends WebTestSupport {

	private ApiClient mark;

	private String run;

	@BeforeEach
	void clients() {
		this.mark = client("mark");
		this.run = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void shouldAddCustomersAndRefuseWhatIsNotOne() {
		this.organisation.ensureUser("cora" + this.run, "Cora", "Lind", "cora" + this.run, Groups.SERVICE_CUSTOMERS);
		JsonNode created = this.mark.post("/api/customers", Map.of("name", "Audit office " + this.run, "segment",
				"SENIOR_EXECUTIVES", "contactEmail", "audit@example.org", "members", java.util.List.of("cora" + this.run)))
			.expect(201)
			.body();
		assertThat(created.get("segment").asText()).isEqualTo("SENIOR_EXECUTIVES");
		long customers = count();

		refused(Map.of("name", "", "segment", "END_USERS", "contactEmail", "a@example.org"), "name");
		refused(Map.of("name", "X " + this.run, "segment", "CLOWNS", "contactEmail", "a@example.org"), "segment");
		refused(Map.of("name", "X " + this.run, "segment", "END_USERS", "contactEmail", "not an address"), "contactEmail");
		refused(Map.of("name", "X " + this.run, "segment", "END_USERS", "contactEmail", "a@example.org", "members",
				java.util.List.of("anna")), "members[0]");
		refused(Map.of("name", "X " + this.run, "segment", "END_USERS", "contactEmail", "a@example.org", "members",
				java.util.List.of("nobody-" + this.run)), "members[0]");
		// the same name in other letters, a person of another customer
		assertThat(this.mark.post("/api/customers", Map.of("name", "AUDIT OFFICE " + this.run.toUpperCase(), "segment",
				"END_USERS", "contactEmail", "a@example.org")).status()).isEqualTo(409);
		assertThat(this.mark.post("/api/customers", Map.of("name", "Y " + this.run, "segment", "END_USERS",
				"contactEmail", "a@example.org", "members", java.util.List.of("cora" + this.run))).status()).isEqualTo(409);
		// only the PMO managers add customers
		assertThat(client("anna").post("/api/customers", Map.of("name", "Z " + this.run, "segment", "END_USERS",
				"contactEmail", "a@example.org")).status()).isEqualTo(403);
		assertThat(client("paul").post("/api/customers", Map.of("name", "Z " + this.run, "segment", "END_USERS",
				"contactEmail", "a@example.org")).status()).isEqualTo(403);
		assertThat(count()).isEqualTo(customers);
	}

	@Test
	void shouldSubscribeOnceToAnAdditionalOfferingOfALiveService() {
		// given a live service offered as additional to project managers, mandated to programme managers
		String additional = this.lifecycle.live(new ServiceRequest("Risk clinics " + this.run, "Weekly risk clinics",
				Set.of(CustomerSegment.PROJECT_MANAGERS), OfferingLevel.ADDITIONAL), "R/P3M");
		String mandated = this.lifecycle.live(new ServiceRequest("Gate reviews " + this.run, "Reviews before each gate",
				Set.of(CustomerSegment.PROJECT_MANAGERS), OfferingLevel.MANDATED), "R/P3M");
		String proposed = this.lifecycle.request("Estimating help " + this.run);
		String elsewhere = this.lifecycle.live(new ServiceRequest("Board briefings " + this.run, "Briefings for the board",
				Set.of(CustomerSegment.SENIOR_EXECUTIVES), OfferingLevel.ADDITIONAL), "R/P3M");
		String retired = this.lifecycle.live("Paper forms " + this.run);
		this.lifecycle.retire(retired, "Forms are online now", LocalDate.parse("2030-01-31"));
		this.lifecycle.notifyCustomers(retired);
		this.lifecycle.decommission(retired);
		String member = "pia" + this.run;
		this.organisation.ensureUser(member, "Pia", "Holm", member, Groups.SERVICE_CUSTOMERS);
		long own = customer(CustomerSegment.PROJECT_MANAGERS, member);
		long other = customer(CustomerSegment.PROJECT_MANAGERS, null);
		ApiClient pia = client(member);
		String path = "/api/customers/" + own + "/subscriptions";

		// when
		JsonNode subscribed = pia.post(path, Map.of("service", additional)).expect(201).body();

		// then
		assertThat(subscribed.get("status").asText()).isEqualTo("ACTIVE");
		assertThat(subscribed.get("segment").asText()).isEqualTo("PROJECT_MANAGERS");
		JsonNode details = pia.get("/api/customers/" + own).expect(200).body();
		assertThat(ApiClient.list(details.get("offerings"))).extracting((o) -> o.get("service").asText())
			.contains(additional, mandated);
		long subscriptions = subscriptions(own);

		// and what is not a subscription is refused, storing nothing
		assertThat(pia.post(path, Map.of("service", additional)).status()).isEqualTo(409);
		subscriptionRefused(pia, path, mandated, "mandated");
		subscriptionRefused(pia, path, retired, "RETIRED");
		subscriptionRefused(pia, path, proposed, "PROPOSED");
		subscriptionRefused(pia, path, elsewhere, "makes no offering for PROJECT_MANAGERS");
		subscriptionRefused(pia, path, "SVC-9999", "no service");
		assertThat(pia.post(path, json("{}")).status()).isEqualTo(400);
		assertThat(pia.post(path, json("[]")).status()).isEqualTo(400);
		assertThat(subscriptions(own)).isEqualTo(subscriptions);
		// a customer's person acts for his own organisation only
		assertThat(pia.post("/api/customers/" + other + "/subscriptions", Map.of("service", additional)).status())
			.isEqualTo(403);
		assertThat(pia.get("/api/customers/" + other).status()).isEqualTo(403);
		assertThat(ApiClient.list(pia.get("/api/customers").expect(200).body())).extracting((c) -> c.get("id").asLong())
			.containsExactly(own);
		// whether the other id exists or not
		assertThat(pia.get("/api/customers/999999").status()).isEqualTo(403);
		assertThat(this.mark.get("/api/customers/999999").status()).isEqualTo(404);
		assertThat(pia.post(path, json("null")).status()).isEqualTo(400);
		assertThat(this.mark.post("/api/customers", json("null")).status()).isEqualTo(400);
		// figures taken for a customer are the PMO's and that customer's to see
		client("anna").post("/api/services/" + additional + "/measurements", json("""
				[{"metric": "on-time-delivery", "customer": %d, "period": "%s", "value": 91}]""".formatted(own,
				java.time.YearMonth.now()))).expect(201);
		client("anna").post("/api/services/" + mandated + "/measurements", json("""
				[{"metric": "on-time-delivery", "customer": %d, "period": "%s", "value": 92}]""".formatted(other,
				java.time.YearMonth.now()))).expect(201);
		assertThat(this.mark.get("/api/services/" + mandated + "/performance").expect(200).body().get("agreements")
			.get(0).get("customers")).hasSize(1);
		assertThat(pia.get("/api/services/" + mandated + "/performance").expect(200).body().get("agreements").get(0)
			.get("customers")).isEmpty();
		assertThat(pia.get("/api/services/" + additional + "/performance").expect(200).body().get("agreements")
			.get(0).get("customers").get(0).get("customer").asLong()).isEqualTo(own);

		// when the subscription ends
		JsonNode ended = pia.delete(path + "?service=" + additional).expect(200).body();
		assertThat(ended.get("status").asText()).isEqualTo("ENDED");
		assertThat(pia.delete(path + "/" + ended.get("id").asLong()).status()).isEqualTo(409);
		assertThat(pia.delete(path + "?service=" + additional).status()).isEqualTo(404);
		// and it can be taken again
		assertThat(pia.post(path, Map.of("service", additional)).expect(201).body().get("status").asText())
			.isEqualTo("ACTIVE");
	}

	private void subscriptionRefused(ApiClient client, String path, String service, String problem) {
		ApiClient.Response response = client.post(path, Map.of("service", service));
		assertThat(response.status()).as(service).isEqualTo(400);
		assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("service");
		assertThat(response.body().get("errors").get(0).get("message").asText()).contains(problem);
	}

	private long customer(CustomerSegment segment, String member) {
		return this.mark.post("/api/customers", Map.of("name", segment + " office " + UUID.randomUUID(), "segment",
				segment.name(), "contactEmail", "office@example.org", "members",
				(member != null) ? java.util.List.of(member) : java.util.List.of()))
			.expect(201)
			.body()
			.get("id")
			.asLong();
	}

	private void refused(Map<String, Object> body, String field) {
		ApiClient.Response response = this.mark.post("/api/customers", body);
		assertThat(response.status()).as(body.toString()).isEqualTo(400);
		assertThat(response.body().get("errors").get(0).get("field").asText()).as(body.toString()).isEqualTo(field);
	}

	private long count() {
		return this.jdbc.queryForObject("select count(*) from customer", Long.class);
	}

	private long subscriptions(long customer) {
		return this.jdbc.queryForObject("select count(*) from subscription where customer_id = ?", Long.class, customer);
	}

	private ApiClient client(String user) {
		return new ApiClient("http://localhost:" + this.port, user, user);
	}

}
