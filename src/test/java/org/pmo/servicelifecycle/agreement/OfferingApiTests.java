package org.pmo.servicelifecycle.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pmo.servicelifecycle.ApiClient.json;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.ApiClient;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.ReviewOutcome;
import org.pmo.servicelifecycle.demo.LifecycleForms;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Transform;

/**
 * A service's offerings over {@code /api/services/{code}/offerings}: one per segment at a level, each with its
 * agreements; bad input answered 400 naming the field, nothing stored; the go-live gate refusing an offering nobody
 * measures; the service's summary kept for existing clients.
 */
class OfferingApiTests extends WebTestSupport {

	private static final String TWO_OFFERINGS = """
			[{"segment": "PROJECT_MANAGERS", "level": "MANDATED",
			  "agreements": [{"metric": "on-time-delivery", "unit": "PERCENT", "direction": "AT_LEAST", "target": 90}]},
			 {"segment": "SENIOR_EXECUTIVES", "level": "ADDITIONAL", "capacity": 10,
			  "agreements": [{"metric": "customer-satisfaction", "unit": "SCORE_1_TO_5", "direction": "AT_LEAST",
			                  "target": 4, "riskMargin": 0.3}]}]""";

	private ApiClient anna;

	private ApiClient mark;

	@BeforeEach
	void clients() {
		this.anna = new ApiClient("http://localhost:" + this.port, "anna", "anna");
		this.mark = new ApiClient("http://localhost:" + this.port, "mark", "mark");
	}

	@Test
	void shouldReplaceTheOfferingsAndKeepTheServiceSummary() {
		String code = this.lifecycle.live("Delivery assurance", Set.of(CustomerSegment.PROGRAMME_MANAGERS));

		JsonNode offerings = this.anna.put("/api/services/" + code + "/offerings", json(TWO_OFFERINGS)).expect(200).body();

		assertThat(ApiClient.list(offerings)).extracting((o) -> o.get("segment").asText() + "/" + o.get("level").asText())
			.containsExactly("PROJECT_MANAGERS/MANDATED", "SENIOR_EXECUTIVES/ADDITIONAL");
		assertThat(offerings.get(1).get("capacity").asInt()).isEqualTo(10);
		assertThat(offerings.get(1).get("agreements").get(0).get("riskMargin").asDouble()).isEqualTo(0.3);
		JsonNode service = this.mark.get("/api/services/" + code).expect(200).body();
		assertThat(service.get("offeringLevel").asText()).isEqualTo("MANDATED");
		assertThat(ApiClient.list(service.get("customerSegments"))).extracting(JsonNode::asText)
			.containsExactly("PROJECT_MANAGERS", "SENIOR_EXECUTIVES");
		// the programme managers' offering and its agreement are withdrawn
		assertThat(ApiClient.list(this.mark.get("/api/services/" + code + "/agreements").expect(200).body()))
			.extracting((a) -> a.get("metric").asText()).containsExactlyInAnyOrder("on-time-delivery", "customer-satisfaction");
		// measured per offering, attainment per offering
		this.anna.post("/api/services/" + code + "/measurements", json("""
				[{"metric": "customer-satisfaction", "segment": "SENIOR_EXECUTIVES", "period": "%s", "value": 4.1}]"""
			.formatted(java.time.YearMonth.now()))).expect(201);
		JsonNode performance = this.mark.get("/api/services/" + code + "/performance").expect(200).body();
		assertThat(ApiClient.list(performance.get("offerings")))
			.extracting((o) -> o.get("segment").asText() + "=" + o.get("attainment").asText())
			.containsExactly("PROJECT_MANAGERS=null", "SENIOR_EXECUTIVES=AT_RISK");
		assertThat(ApiClient.list(performance.get("agreements")))
			.filteredOn((a) -> "AT_RISK".equals(a.get("status").asText()))
			.extracting((a) -> a.get("warning").asText())
			.containsExactly("within the agreement's risk margin of 0.30 of the target");
	}

	@Test
	void shouldCarryTwoOfferingsFromTheDesignToOneJoinedReview() {
		// given a request designed with two offerings: mandated for project managers (on time at least 90 %),
		// additional for senior executives (satisfaction at least 4), taken live
		String code = this.lifecycle.request(new org.pmo.servicelifecycle.catalog.ServiceRequest("Delivery assurance",
				"Delivery checks and executive briefings",
				Set.of(CustomerSegment.PROJECT_MANAGERS, CustomerSegment.SENIOR_EXECUTIVES), null));
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		String offerings = "[" + LifecycleForms.offeringRow("PROJECT_MANAGERS", "MANDATED", null) + ","
				+ LifecycleForms.offeringRow("SENIOR_EXECUTIVES", "ADDITIONAL", null) + "]";
		String agreements = "[" + LifecycleForms.agreementRow("PROJECT_MANAGERS", "on-time-delivery", "PERCENT",
				"AT_LEAST", 90, null) + "," + LifecycleForms.agreementRow("SENIOR_EXECUTIVES", "customer-satisfaction",
						"SCORE_1_TO_5", "AT_LEAST", 4, null) + "]";
		completeDesign(code, offerings, agreements).expect(204);
		this.lifecycle.justify(code, Decision.APPROVE);
		this.lifecycle.goLive(code);
		assertThat(this.mark.stage(code)).isEqualTo("OPERATION");
		// and a customer of the executives subscribed to the additional offering
		long executives = this.mark.post("/api/customers", java.util.Map.of("name", "Executive office " + code,
				"segment", "SENIOR_EXECUTIVES", "contactEmail", "executives@example.org"))
			.expect(201)
			.body()
			.get("id")
			.asLong();
		assertThat(this.mark.post("/api/customers/" + executives + "/subscriptions", java.util.Map.of("service", code))
			.expect(201)
			.body()
			.get("status")
			.asText()).isEqualTo("ACTIVE");
		String month = java.time.YearMonth.now().toString();

		// when 70 % on-time delivery is measured, and then a satisfaction of 3 for the executives' office
		JsonNode late = this.anna.post("/api/services/" + code + "/measurements", json("""
				{"metric": "on-time-delivery", "segment": "PROJECT_MANAGERS", "period": "%s", "value": 70}"""
			.formatted(month))).expect(201).body();
		JsonNode unhappy = this.anna.post("/api/services/" + code + "/measurements", json("""
				{"metric": "customer-satisfaction", "customer": %d, "period": "%s", "value": 3}"""
			.formatted(executives, month))).expect(201).body();

		// then exactly one review, whose form lists both breaches
		assertThat(late.get("breaches").get(0).get("reviewRequested").asBoolean()).isTrue();
		assertThat(unhappy.get("breaches").get(0).get("segment").asText()).isEqualTo("SENIOR_EXECUTIVES");
		java.util.List<JsonNode> reviews = this.mark.tasks(code, Lifecycle.TASK_REVIEW_SERVICE);
		assertThat(reviews).hasSize(1);
		JsonNode form = this.mark.get("/engine-rest/task/" + reviews.get(0).get("id").asText()
				+ "/form-variables?variableNames=reviewReasons").expect(200).body();
		assertThat(form.get("reviewReasons").get("value").asText().split("\n")).containsExactly(
				"SLA breach: on-time-delivery 70 in " + month + " for PROJECT_MANAGERS (agreed at least 90)",
				"SLA breach: customer-satisfaction 3 in " + month + " for SENIOR_EXECUTIVES (agreed at least 4)");
		JsonNode performance = this.mark.get("/api/services/" + code + "/performance").expect(200).body();
		assertThat(performance.get("health").asText()).isEqualTo("BREACHED");
		assertThat(ApiClient.list(performance.get("offerings")))
			.extracting((o) -> o.get("segment").asText() + "=" + o.get("attainment").asText())
			.containsExactly("PROJECT_MANAGERS=BREACHED", "SENIOR_EXECUTIVES=BREACHED");
	}

	@Test
	void shouldRefuseOfferingsOutsideTheContractAndStoreNothing() {
		String code = this.lifecycle.live("Benefits reviews", Set.of(CustomerSegment.PROJECT_MANAGERS));
		String before = this.mark.get("/api/services/" + code + "/offerings").expect(200).text();

		refused(code, "[{\"segment\": \"CLOWNS\", \"level\": \"MANDATED\"}]", "[0].segment");
		refused(code, "[{\"segment\": \"END_USERS\", \"level\": \"OPTIONAL\"}]", "[0].level");
		refused(code, "[{\"level\": \"MANDATED\"}]", "[0].segment");
		refused(code, "[{\"segment\": \"END_USERS\", \"level\": \"MANDATED\"}]", "[0].agreements");
		refused(code, "[]", "body");
		refused(code, "{\"segment\": \"END_USERS\"}", "body");
		refused(code, TWO_OFFERINGS.replace("SENIOR_EXECUTIVES", "PROJECT_MANAGERS"), "[1].segment");
		refused(code, TWO_OFFERINGS.replace("\"capacity\": 10", "\"capacity\": 0"), "[1].capacity");
		refused(code, TWO_OFFERINGS.replace("\"level\": \"MANDATED\",", "\"level\": \"MANDATED\", \"capacity\": 5,"),
				"[0].capacity");
		refused(code, "[null]", "[0]");
		refused(code, "null", "body");
		refused(code, TWO_OFFERINGS.replace("\"target\": 90", "\"target\": 190"), "[0].agreements[0].target");
		refused(code, TWO_OFFERINGS.replace("\"riskMargin\": 0.3", "\"riskMargin\": -1"), "[1].agreements[0].riskMargin");
		refused(code, TWO_OFFERINGS.replace("\"metric\": \"on-time-delivery\", \"unit\"",
				"\"metric\": \"on-time-delivery\", \"segment\": \"END_USERS\", \"unit\""), "[0].agreements[0].segment");
		// a live offering keeps an agreement
		ApiClient.Response withdrawn = this.anna.put("/api/services/" + code + "/agreements", json("[]"));
		assertThat(withdrawn.status()).isEqualTo(400);
		assertThat(withdrawn.body().get("errors").get(0).get("message").asText())
			.contains("the live offering for PROJECT_MANAGERS would be left without an agreement");
		assertThat(this.mark.get("/api/services/" + code + "/offerings").expect(200).text()).isEqualTo(before);
		// people outside the PMO's design work read them, and change nothing
		new ApiClient("http://localhost:" + this.port, "paul", "paul")
			.put("/api/services/" + code + "/offerings", json(TWO_OFFERINGS))
			.expect(403);
		new ApiClient("http://localhost:" + this.port, "paul", "paul").get("/api/services/" + code + "/offerings")
			.expect(200);
	}

	@Test
	void shouldRefuseTheOfferingsOfARetiredService() {
		String code = this.lifecycle.live("Printed reports");
		this.lifecycle.retire(code, "Reports are online now", java.time.LocalDate.parse("2030-01-31"));
		this.lifecycle.notifyCustomers(code);
		this.lifecycle.decommission(code);
		String before = this.mark.get("/api/services/" + code + "/offerings").expect(200).text();

		ApiClient.Response refused = this.anna.put("/api/services/" + code + "/offerings", json(TWO_OFFERINGS));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("code");
		assertThat(this.mark.get("/api/services/" + code + "/offerings").expect(200).text()).isEqualTo(before);
	}

	@Test
	void shouldRefuseTheGoLiveOfAnOfferingWithoutAnAgreement() {
		// given a design whose agreements were withdrawn before the go-live
		String code = this.lifecycle.request("Quality reviews");
		this.lifecycle.toPilot(code, "P4W", "R/P3M");
		this.lifecycle.endPilot(code);
		this.lifecycle.reviewPilot(code, Decision.APPROVE);
		this.anna.put("/api/services/" + code + "/agreements", json("[]")).expect(200);

		// when the board approves the go-live
		ApiClient sara = new ApiClient("http://localhost:" + this.port, "sara", "sara");
		String task = sara.tasks(code, Lifecycle.TASK_APPROVE_GO_LIVE).get(0).get("id").asText();
		sara.post("/engine-rest/task/" + task + "/claim", java.util.Map.of("userId", "sara")).expect(204);
		ApiClient.Response refused = sara.post("/engine-rest/task/" + task + "/complete", java.util.Map.of("variables",
				java.util.Map.of("decision", ApiClient.variable("approve"))));

		// then it is refused, and the service waits for it; between the design and the go-live the offerings
		// change in the design only
		assertThat(refused.status()).isEqualTo(400);
		ApiClient.Response late = this.anna.put("/api/services/" + code + "/offerings", json(TWO_OFFERINGS));
		assertThat(late.status()).isEqualTo(400);
		assertThat(late.body().get("errors").get(0).get("message").asText()).contains("is in IMPLEMENTATION");
		assertThat(refused.body().get("message").asText()).contains("offering for PROJECT_MANAGERS",
				"no performance agreement");
		assertThat(sara.tasks(code, Lifecycle.TASK_APPROVE_GO_LIVE)).hasSize(1);
		assertThat(this.mark.stage(code)).isEqualTo("IMPLEMENTATION");
	}

	@Test
	void shouldShowTheBoardTheAgreementsAsTheyStandWhenItDecidesTheGoLive() {
		String code = this.lifecycle.request("Delivery checkpoints");
		this.lifecycle.toPilot(code, "P4W", "R/P3M");
		// the pilot taught a lower target
		this.anna.put("/api/services/" + code + "/agreements", json("""
				[{"metric": "on-time-delivery", "segment": "PROJECT_MANAGERS", "unit": "PERCENT",
				  "direction": "AT_LEAST", "target": 85}]""")).expect(200);
		this.lifecycle.endPilot(code);
		this.lifecycle.reviewPilot(code, Decision.APPROVE);

		String goLive = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey(Lifecycle.TASK_APPROVE_GO_LIVE)
			.singleResult()
			.getId();
		assertThat((String) this.engine.getTaskService().getVariable(goLive, OfferingDesign.SUMMARY))
			.contains("on-time-delivery at least 85")
			.doesNotContain("at least 90");
	}

	@Test
	void shouldOpenTheReviewForABreachOfThePeriodFirstFoundInThePilot() {
		String code = this.lifecycle.request("Pilot measured");
		this.lifecycle.toPilot(code, "P4W", "R/P3M");
		String low = """
				[{"metric": "on-time-delivery", "segment": "PROJECT_MANAGERS", "period": "%s", "value": 70}]"""
			.formatted(java.time.YearMonth.now());
		JsonNode inPilot = this.anna.post("/api/services/" + code + "/measurements", json(low)).expect(201).body();
		assertThat(inPilot.get("breaches").get(0).get("reviewRequested").asBoolean()).isFalse();
		this.lifecycle.endPilot(code);
		this.lifecycle.reviewPilot(code, Decision.APPROVE);
		this.lifecycle.approveGoLive(code, Decision.APPROVE);
		assertThat(this.mark.tasks(code, Lifecycle.TASK_REVIEW_SERVICE)).isEmpty();

		// live, the same month measured low again: the breach now asks for the review, once
		JsonNode live = this.anna.post("/api/services/" + code + "/measurements", json(low)).expect(201).body();
		assertThat(live.get("breaches").get(0).get("reviewRequested").asBoolean()).isTrue();
		assertThat(this.mark.tasks(code, Lifecycle.TASK_REVIEW_SERVICE)).hasSize(1);
		JsonNode again = this.anna.post("/api/services/" + code + "/measurements", json(low)).expect(201).body();
		assertThat(again.get("breaches")).isEmpty();
		assertThat(this.mark.tasks(code, Lifecycle.TASK_REVIEW_SERVICE)).hasSize(1);
	}

	@Test
	void shouldRefuseADesignWithAnOfferingWithoutAgreement() {
		String code = this.lifecycle.request("Portfolio dashboards");
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		String offerings = "[" + LifecycleForms.offeringRow("PROJECT_MANAGERS", "MANDATED", null) + ","
				+ LifecycleForms.offeringRow("END_USERS", "ADDITIONAL", 5) + "]";

		ApiClient.Response refused = completeDesign(code, offerings, LifecycleForms.STANDARD_AGREEMENTS);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("message").asText()).contains("agreements",
				"the offering for End users has no performance agreement");
		assertThat(this.mark.stage(code)).isEqualTo("DESIGN");
		assertThat(ApiClient.list(this.mark.get("/api/services/" + code + "/offerings").expect(200).body()))
			.extracting((o) -> o.get("segment").asText())
			.containsExactly("PROJECT_MANAGERS");
	}

	@Test
	void shouldDesignTheNextVersionsOfferingsInATransformationAndHoldThemFromItsRelease() {
		// given a live service offered to project managers, under transformation
		String code = this.lifecycle.live("Delivery coaching", Set.of(CustomerSegment.PROJECT_MANAGERS));
		this.lifecycle.review(code, "Customers ask for more", ReviewOutcome.TRANSFORM);

		// when the redesign offers it mandated to project managers and additionally to end users
		String offerings = "[" + LifecycleForms.offeringRow("PROJECT_MANAGERS", "MANDATED", null) + ","
				+ LifecycleForms.offeringRow("END_USERS", "ADDITIONAL", 50) + "]";
		String agreements = "[" + LifecycleForms.agreementRow("PROJECT_MANAGERS", "on-time-delivery", "PERCENT",
				"AT_LEAST", 95, null) + "," + LifecycleForms.agreementRow("END_USERS", "customer-satisfaction",
						"SCORE_1_TO_5", "AT_LEAST", 4, 0.2) + "]";
		this.engineApi.complete("anna", code, Transform.TASK_REDESIGN_SERVICE,
				LifecycleForms.design("anna", "P4W", "R/P3M", offerings, agreements));

		// then the live version keeps its offering until the new version is released
		assertThat(offeringsOf(code)).containsExactly("1:PROJECT_MANAGERS/ADDITIONAL:on-time-delivery>=90.0");
		this.lifecycle.justifyTransformation(code, Decision.APPROVE);
		this.lifecycle.endTransformationPilot(code);
		this.lifecycle.reviewTransformationPilot(code, Decision.APPROVE);
		this.lifecycle.approveTransformationGoLive(code, Decision.APPROVE);
		this.lifecycle.releaseNewVersion(code);
		assertThat(offeringsOf(code)).containsExactly("2:END_USERS/ADDITIONAL:customer-satisfaction>=4.0",
				"2:PROJECT_MANAGERS/MANDATED:on-time-delivery>=95.0");
		JsonNode service = this.mark.get("/api/services/" + code).expect(200).body();
		assertThat(service.get("version").asInt()).isEqualTo(2);
		assertThat(service.get("offeringLevel").asText()).isEqualTo("MANDATED");
		assertThat(ApiClient.list(service.get("customerSegments"))).extracting(JsonNode::asText)
			.containsExactly("PROJECT_MANAGERS", "END_USERS");
	}

	@Test
	void shouldLetGoTheDesignOfAnAbandonedTransformation() {
		// given a transformation whose redesign offered the service to end users too
		String code = this.lifecycle.live("Estimating support", Set.of(CustomerSegment.PROJECT_MANAGERS));
		this.lifecycle.review(code, "Demand from end users", ReviewOutcome.TRANSFORM);
		String offerings = "[" + LifecycleForms.offeringRow("PROJECT_MANAGERS", "ADDITIONAL", null) + ","
				+ LifecycleForms.offeringRow("END_USERS", "ADDITIONAL", null) + "]";
		String agreements = "[" + LifecycleForms.agreementRow("PROJECT_MANAGERS", "on-time-delivery", "PERCENT",
				"AT_LEAST", 90, null) + "," + LifecycleForms.agreementRow("END_USERS", "on-time-delivery", "PERCENT",
						"AT_LEAST", 80, null) + "]";
		this.engineApi.complete("anna", code, Transform.TASK_REDESIGN_SERVICE,
				LifecycleForms.design("anna", "P4W", "R/P3M", offerings, agreements));

		// when the board rejects it, and a later review asks for a transformation again
		this.lifecycle.justifyTransformation(code, Decision.REJECT);
		this.lifecycle.review(code, "Second attempt", ReviewOutcome.TRANSFORM);

		// then the new redesign starts from the version in force, not from the abandoned design
		String task = this.anna.tasks(code, Transform.TASK_REDESIGN_SERVICE).get(0).get("id").asText();
		this.anna.post("/engine-rest/task/" + task + "/claim", java.util.Map.of("userId", "anna")).expect(204);
		JsonNode form = this.anna.get("/engine-rest/task/" + task + "/form-variables?variableNames=offerings&deserializeValues=false")
			.expect(200)
			.body();
		assertThat(form.get("offerings").get("value").toString()).contains("PROJECT_MANAGERS").doesNotContain("END_USERS");
		assertThat(offeringsOf(code)).containsExactly("1:PROJECT_MANAGERS/ADDITIONAL:on-time-delivery>=90.0");
	}

	private java.util.List<String> offeringsOf(String code) {
		return ApiClient.list(this.mark.get("/api/services/" + code + "/offerings").expect(200).body())
			.stream()
			.map((o) -> o.get("serviceVersion").asInt() + ":" + o.get("segment").asText() + "/"
					+ o.get("level").asText() + ":" + o.get("agreements").get(0).get("metric").asText() + ">="
					+ o.get("agreements").get(0).get("target").asDouble())
			.toList();
	}

	@Test
	void shouldAnswerATaskThatIsGoneWithNotFound() {
		for (String action : List.of("claim", "unclaim")) {
			ApiClient.Response gone = this.mark.post("/engine-rest/task/no-such-task/" + action,
					java.util.Map.of("userId", "mark"));
			assertThat(gone.status()).as(action).isIn(404, 403);
		}
		ApiClient.Response claim = this.mark.post("/engine-rest/task/no-such-task/claim", java.util.Map.of("userId", "mark"));
		assertThat(claim.status()).isEqualTo(404);
		assertThat(claim.body().get("message").asText()).contains("No open task no-such-task");
		assertThat(this.mark.get("/engine-rest/task/no-such-task/form-variables").status()).isEqualTo(404);
		assertThat(this.mark.post("/engine-rest/task/no-such-task/submit-form", java.util.Map.of("variables",
				java.util.Map.of())).status()).isIn(404, 409);
	}

	private ApiClient.Response completeDesign(String code, String offerings, String agreements) {
		String task = this.anna.tasks(code, Lifecycle.TASK_DESIGN_SERVICE).get(0).get("id").asText();
		this.anna.post("/engine-rest/task/" + task + "/claim", java.util.Map.of("userId", "anna")).expect(204);
		java.util.Map<String, Object> variables = new java.util.LinkedHashMap<>();
		LifecycleForms.design("anna", "P4W", "R/P3M", offerings, agreements)
			.forEach((name, value) -> variables.put(name, ApiClient.variable(value)));
		return this.anna.post("/engine-rest/task/" + task + "/complete", java.util.Map.of("variables", variables));
	}

	private void refused(String code, String body, String field) {
		ApiClient.Response response = this.anna.put("/api/services/" + code + "/offerings", json(body));
		assertThat(response.status()).as(body).isEqualTo(400);
		assertThat(ApiClient.list(response.body().get("errors"))).as(body)
			.extracting((e) -> e.get("field").asText())
			.containsExactly(field);
	}

}
