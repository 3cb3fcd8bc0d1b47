package org.pmo.servicelifecycle.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.TaggedChanges;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.Decision;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Service Strategy over REST as the board, the analysts, the customers and an attacker use it: objectives and their
 * history, capacity and what the services commit, business cases and their value, portfolio reviews; bad input is a
 * 400 naming the field and stores nothing, and whoever has no part in it is refused.
 */
class StrategyApiTests extends WebTestSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
	};

	@Test
	void theBoardKeepsObjectivesAndEveryChangeIsKept() {
		String name = unique("Predictable delivery");
		ResponseEntity<Map<String, Object>> created = send("sara", HttpMethod.POST, "/api/objectives", """
				{"name": "%s", "description": "Projects deliver as agreed", "weight": 8, "validFrom": "2025-01-01"}"""
			.formatted(name));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Object id = created.getBody().get("id");

		ResponseEntity<Map<String, Object>> changed = send("sara", HttpMethod.PUT, "/api/objectives/" + id, """
				{"name": "%s", "description": "Projects deliver on date and budget", "weight": 9,
				 "validFrom": "2025-01-01", "validTo": "2030-12-31"}""".formatted(name));
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(changed.getBody()).containsEntry("weight", 9).containsEntry("revision", 2);

		List<Map<String, Object>> history = list("anna", "/api/objectives/" + id + "/history");
		assertThat(history).extracting((change) -> change.get("weight"), (change) -> change.get("changedBy"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(8, "sara"), org.assertj.core.groups.Tuple.tuple(9, "sara"));
		assertThat(list("mark", "/api/objectives")).anySatisfy((objective) -> assertThat(objective.get("name")).isEqualTo(name));
		assertThat(list("mark", "/api/objectives")).allSatisfy((objective) -> assertThat(objective).doesNotContainKey("nameKey"));
		// another objective of the same name in other letters' case is the same objective
		assertRefused("sara", HttpMethod.POST, "/api/objectives", """
				{"name": "%s", "description": "Again", "weight": 2, "validFrom": "2025-01-01"}"""
			.formatted(name.toUpperCase(java.util.Locale.ROOT)), "name");
	}

	@Test
	void badObjectivesAreRefusedNamingTheFieldAndStoreNothing() {
		int before = list("sara", "/api/objectives").size();
		assertRefused("sara", HttpMethod.POST, "/api/objectives",
				"{\"name\": \"W0\", \"description\": \"d\", \"weight\": 0, \"validFrom\": \"2025-01-01\"}", "weight");
		assertRefused("sara", HttpMethod.POST, "/api/objectives",
				"{\"name\": \"W11\", \"description\": \"d\", \"weight\": 11, \"validFrom\": \"2025-01-01\"}", "weight");
		assertRefused("sara", HttpMethod.POST, "/api/objectives",
				"{\"name\": \" \", \"description\": \"d\", \"weight\": 3, \"validFrom\": \"2025-01-01\"}", "name");
		assertRefused("sara", HttpMethod.POST, "/api/objectives",
				"{\"name\": \"Late\", \"description\": \"d\", \"weight\": 3, \"validFrom\": \"2025-06-01\", \"validTo\": \"2025-01-01\"}",
				"validTo");
		assertRefused("sara", HttpMethod.POST, "/api/objectives",
				"{\"name\": \"Odd\", \"description\": \"d\", \"weight\": \"heavy\", \"validFrom\": \"2025-01-01\"}", "weight");
		assertRefused("sara", HttpMethod.POST, "/api/objectives",
				"{\"name\": \"Odd\", \"description\": \"d\", \"weight\": 3, \"validFrom\": \"someday\"}", "validFrom");
		assertRefused("sara", HttpMethod.POST, "/api/objectives", "[]", "body");
		assertRefused("sara", HttpMethod.POST, "/api/objectives",
				"{\"name\": \"Two\\nlines\", \"description\": \"d\", \"weight\": 3, \"validFrom\": \"2025-01-01\"}", "name");
		assertRefused("sara", HttpMethod.POST, "/api/objectives",
				"{\"name\": \"\\u2003\", \"description\": \"d\", \"weight\": 3, \"validFrom\": \"2025-01-01\"}", "name");
		assertRefused("sara", HttpMethod.POST, "/api/objectives",
				"{\"name\": \"Far\", \"description\": \"d\", \"weight\": 3, \"validFrom\": \"+9999999-01-01\"}", "validFrom");
		assertThat(list("sara", "/api/objectives")).hasSize(before);
		assertThat(send("sara", HttpMethod.PUT, "/api/objectives/999999",
				"{\"name\": \"X\", \"description\": \"d\", \"weight\": 3, \"validFrom\": \"2025-01-01\"}").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void onlyTheBoardAndAdministratorsKeepTheStrategyAndCustomersDoNotSeeIt() {
		String body = "{\"name\": \"%s\", \"description\": \"d\", \"weight\": 3, \"validFrom\": \"2025-01-01\"}"
			.formatted(unique("Sneaky"));
		assertThat(send("anna", HttpMethod.POST, "/api/objectives", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(send("mark", HttpMethod.POST, "/api/objectives", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(send("paul", HttpMethod.GET, "/api/objectives", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(send("mark", HttpMethod.PUT, "/api/capacity/2026", "{\"capacityDays\": 1, \"budget\": 1}")
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(send("mark", HttpMethod.POST, "/api/portfolio-reviews", "{\"reason\": \"Now\"}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.rest.exchange("/api/objectives", HttpMethod.GET, null, String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(send("demo", HttpMethod.POST, "/api/objectives", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void capacityShowsWhatTheLiveAndApprovedServicesCommit() {
		int year = Year.now().getValue() + 3;
		assertThat(send("sara", HttpMethod.GET, "/api/capacity/" + year, null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<Map<String, Object>> planned = send("sara", HttpMethod.PUT, "/api/capacity/" + year,
				"{\"capacityDays\": 500, \"budget\": 250000}");
		assertThat(planned.getStatusCode()).isEqualTo(HttpStatus.OK);
		double committedBefore = ((Number) planned.getBody().get("committedDays")).doubleValue();

		// the design form estimated 50 person-days for the live service; the request is estimated over the API
		String live = this.lifecycle.live(unique("Health check"));
		String proposed = this.lifecycle.request(unique("Coaching"));
		estimate("anna", proposed, "{\"annualCost\": 10000, \"effortDays\": 25}");
		assertRefused("anna", HttpMethod.PUT, "/api/services/" + live + "/business-case",
				"{\"annualCost\": 1, \"effortDays\": 1}", "code");

		Map<String, Object> capacity = send("mark", HttpMethod.GET, "/api/capacity/" + year, null).getBody();
		// the live service counts, the request that is not yet approved does not
		assertThat(((Number) capacity.get("committedDays")).doubleValue()).isEqualTo(committedBefore + 50);
		assertThat(((Number) capacity.get("availableDays")).doubleValue()).isEqualTo(500 - committedBefore - 50);

		assertRefused("sara", HttpMethod.PUT, "/api/capacity/" + year, "{\"capacityDays\": -1, \"budget\": 1}", "capacityDays");
		assertRefused("sara", HttpMethod.PUT, "/api/capacity/" + year, "{\"capacityDays\": 1}", "budget");
		assertRefused("sara", HttpMethod.PUT, "/api/capacity/1850", "{\"capacityDays\": 1, \"budget\": 1}", "year");
		assertThat(send("sara", HttpMethod.GET, "/api/capacity/" + year, null).getBody()).containsEntry("capacityDays", 500.0);
	}

	@Test
	void theBusinessCaseGivesValueAndStrengthWithTodaysObjectives() {
		Long objective = objective(unique("Benefits"), 10);
		String code = this.lifecycle.request(unique("Benefits tracking"));
		String other = this.lifecycle.request(unique("Benefit reviews"));

		ResponseEntity<Map<String, Object>> estimated = estimate("anna", code, """
				{"annualCost": 20000, "effortDays": 40, "contributions": [{"objective": %d, "score": 5}],
				 "requires": ["%s"]}""".formatted(objective, other));
		assertThat(estimated.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(((Number) estimated.getBody().get("strategicValue")).doubleValue()).isGreaterThan(0);
		assertThat(estimated.getBody()).containsEntry("requires", List.of(other)).containsKey("strength");
		assertThat(send("sara", HttpMethod.GET, "/api/services/" + code + "/business-case", null).getBody())
			.containsEntry("annualCost", 20000.0);
		assertThat(send("paul", HttpMethod.GET, "/api/services/" + code + "/business-case", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(estimate("sara", code, "{\"annualCost\": 1, \"effortDays\": 1}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(send("anna", HttpMethod.GET, "/api/services/" + other + "/business-case", null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void badBusinessCasesAreRefusedNamingTheFieldAndStoreNothing() {
		Long objective = objective(unique("Skills"), 4);
		String code = this.lifecycle.request(unique("PM coaching"));
		String first = this.lifecycle.request(unique("Mentoring"));
		estimate("anna", first, "{\"annualCost\": 1000, \"effortDays\": 5, \"requires\": [\"%s\"]}".formatted(code));

		assertEstimateRefused(code, "{\"annualCost\": -5, \"effortDays\": 10}", "annualCost");
		assertEstimateRefused(code, "{\"annualCost\": 5, \"effortDays\": -1}", "effortDays");
		assertEstimateRefused(code, "{\"effortDays\": 10}", "annualCost");
		assertEstimateRefused(code, "{\"annualCost\": 5, \"effortDays\": 1, \"contributions\": [{\"objective\": 987654, \"score\": 3}]}",
				"contributions[0].objective");
		assertEstimateRefused(code, "{\"annualCost\": 5, \"effortDays\": 1, \"contributions\": [{\"objective\": %d, \"score\": 6}]}"
			.formatted(objective), "contributions[0].score");
		assertEstimateRefused(code, "{\"annualCost\": 5, \"effortDays\": 1, \"requires\": [\"SVC-9999\"]}", "requires[0]");
		assertEstimateRefused(code, "{\"annualCost\": 5, \"effortDays\": 1, \"requires\": [\"%s\"]}".formatted(code),
				"requires[0]");
		// the other service already requires this one: requiring it back would make a loop
		assertEstimateRefused(code, "{\"annualCost\": 5, \"effortDays\": 1, \"requires\": [\"%s\"]}".formatted(first),
				"requires");
		assertEstimateRefused(code, "{\"annualCost\": 5, \"effortDays\": 1, \"budget\": 3}", "budget");
		String declined = this.lifecycle.request(unique("Coffee rota"));
		this.lifecycle.evaluateNeed(declined, Decision.REJECT);
		assertEstimateRefused(code, "{\"annualCost\": 5, \"effortDays\": 1, \"requires\": [\"%s\"]}".formatted(declined),
				"requires[0]");
		assertThat(send("anna", HttpMethod.GET, "/api/services/" + code + "/business-case", null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(estimate("anna", "SVC-9999", "{\"annualCost\": 5, \"effortDays\": 1}").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aChainOfRequirementsMayNotCloseIntoALoop() {
		String first = this.lifecycle.request(unique("Intake desk"));
		String second = this.lifecycle.request(unique("Resource pool"));
		String third = this.lifecycle.request(unique("Delivery audit"));
		String fourth = this.lifecycle.request(unique("Benefits tracking"));
		String requires = "{\"annualCost\": 5, \"effortDays\": 1, \"requires\": [%s]}";
		// first requires second and fourth; second requires third; fourth requires third as well (no loop)
		assertThat(estimate("anna", third, requires.formatted("")).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(estimate("anna", second, requires.formatted(quoted(third))).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(estimate("anna", fourth, requires.formatted(quoted(third))).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(estimate("anna", first, requires.formatted(quoted(second) + ", " + quoted(fourth))).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		// third requiring first would close first → second → third → first
		ResponseEntity<Map<String, Object>> loop = estimate("anna", third, requires.formatted(quoted(first)));
		assertThat(loop.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(loop.getBody().toString()).contains("would make a loop: " + third + " → " + first + " → ");
		assertThat(send("anna", HttpMethod.GET, "/api/services/" + third + "/business-case", null).getBody()
			.toString()).doesNotContain(first);

		// once second no longer requires third, the same requirement closes no loop through second, but still
		// through fourth
		assertThat(estimate("anna", second, requires.formatted("")).getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<Map<String, Object>> throughFourth = estimate("anna", third, requires.formatted(quoted(first)));
		assertThat(throughFourth.getBody().toString())
			.contains("would make a loop: " + third + " → " + first + " → " + fourth + " → " + third);
		assertThat(estimate("anna", fourth, requires.formatted("")).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(estimate("anna", third, requires.formatted(quoted(first))).getStatusCode()).isEqualTo(HttpStatus.OK);
		// second requiring third again would close second → third → first → second
		ResponseEntity<Map<String, Object>> back = estimate("anna", second, requires.formatted(quoted(third)));
		assertThat(back.getBody().toString())
			.contains("would make a loop: " + second + " → " + third + " → " + first + " → " + second);
	}

	private static String quoted(String code) {
		return "\"" + code + "\"";
	}

	@Test
	void theBoardAsksForAPortfolioReviewAndReadsItBack() {
		this.lifecycle.evaluateNeed(this.lifecycle.request(unique("Lessons learned")), Decision.APPROVE);

		ResponseEntity<Map<String, Object>> started = send("sara", HttpMethod.POST, "/api/portfolio-reviews",
				"{\"reason\": \"Budget cut announced\"}");

		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(started.getBody()).containsEntry("status", "WITH_THE_BOARD")
			.containsEntry("reason", "Budget cut announced")
			.containsEntry("startedBy", "sara");
		Map<String, Object> review = send("mark", HttpMethod.GET, "/api/portfolio-reviews/" + started.getBody().get("id"),
				null).getBody();
		assertThat(review).containsKeys("snapshot", "recommendation");
		assertThat(list("anna", "/api/portfolio-reviews")).anySatisfy((item) -> assertThat(item.get("id"))
			.isEqualTo(started.getBody().get("id")));
		assertRefused("sara", HttpMethod.POST, "/api/portfolio-reviews", "{\"reason\": \"  \"}", "reason");
		assertRefused("sara", HttpMethod.POST, "/api/portfolio-reviews", "{\"reason\": \"" + "x".repeat(501) + "\"}",
				"reason");
		assertThat(send("sara", HttpMethod.GET, "/api/portfolio-reviews/999999", null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theBoardStartsAPortfolioReviewInTasklistOthersMayNot() {
		String definition = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(PortfolioReviewProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		String form = "{\"variables\": {\"portfolioReviewReason\": {\"value\": \"Mid-year check\"}}}";
		assertThat(send("mark", HttpMethod.POST, "/engine-rest/process-definition/" + definition + "/submit-form", form)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(send("sara", HttpMethod.POST, "/engine-rest/process-definition/" + definition + "/submit-form",
				"{\"variables\": {\"portfolioReviewReason\": {\"value\": \"Mid-year\"}, \"portfolioReviewRequestedBy\": {\"value\": \"mark\"}}}")
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(send("sara", HttpMethod.POST, "/engine-rest/process-definition/" + definition + "/submit-form",
				"{\"variables\": {\"portfolioReviewReason\": {\"value\": \"Mid-year\"}}, \"businessKey\": \"SVC-0001\"}")
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(send("sara", HttpMethod.POST, "/engine-rest/process-definition/" + definition + "/submit-form",
				"{\"variables\": {\"portfolioReviewReason\": {\"value\": \"Mid-year\"}}, \"businessKey\": \" \"}")
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(send("sara", HttpMethod.POST, "/engine-rest/process-definition/" + definition + "/submit-form", form)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		String schedule = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(PortfolioReviewProcess.SCHEDULE_KEY)
			.latestVersion()
			.singleResult()
			.getId();
		assertThat(send("sara", HttpMethod.POST, "/engine-rest/process-definition/" + schedule + "/start", "{}")
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void theDesignFormEstimatesTheBusinessCaseAndTheBoardReadsItsFigures() {
		String objective = unique("Design objective");
		objective(objective, 6);
		String other = this.lifecycle.request(unique("Prerequisite"));
		String code = this.lifecycle.request(unique("Designed with numbers"));
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		org.camunda.bpm.engine.task.Task design = this.engineApi.task(code,
				org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_DESIGN_SERVICE);
		String prepared = (String) this.engine.getTaskService().getVariable(design.getId(), BusinessCaseForm.CONTRIBUTIONS);
		assertThat(prepared).contains(objective + " (weight 6): 0");

		Map<String, Object> form = new java.util.HashMap<>(org.pmo.servicelifecycle.demo.LifecycleForms.design("anna",
				"P4W", "R/P3M"));
		form.put(BusinessCaseForm.CONTRIBUTIONS, prepared.replace(objective + " (weight 6): 0", objective + " (weight 6): 4"));
		form.put(BusinessCaseForm.REQUIRES, org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"" + other + "\"]").create());
		Map<String, Object> wrong = new java.util.HashMap<>(form);
		wrong.put(BusinessCaseForm.CONTRIBUTIONS, "No such objective: 3");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.engineApi.completeTask("anna", design.getId(), wrong))
			.hasMessageContaining("objectiveContributions: line 1: no objective 'No such objective' is valid today");
		this.engineApi.completeTask("anna", design.getId(), form);

		Map<String, Object> businessCase = send("sara", HttpMethod.GET, "/api/services/" + code + "/business-case", null)
			.getBody();
		assertThat(businessCase).containsEntry("annualCost", 25000.0).containsEntry("requires", List.of(other));
		assertThat(((Number) businessCase.get("strategicValue")).doubleValue()).isGreaterThan(0);
		org.camunda.bpm.engine.task.Task justification = this.engineApi.task(code,
				org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.TASK_JUSTIFY_SERVICE);
		assertThat((String) this.engine.getTaskService().getVariable(justification.getId(), BusinessCaseForm.SUMMARY))
			.contains("Strategic value", "Annual cost 25000", "effort 50 person-days");

		// re-estimated over the API while the board has it: the board's form shows the new figures
		assertThat(estimate("anna", code, "{\"annualCost\": 40000, \"effortDays\": 80}").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat((String) this.engine.getTaskService().getVariable(justification.getId(), BusinessCaseForm.SUMMARY))
			.contains("Annual cost 40000", "effort 80 person-days");
	}

	private void assertEstimateRefused(String code, String body, String field) {
		assertRefused("anna", HttpMethod.PUT, "/api/services/" + code + "/business-case", body, field);
	}

	private void assertRefused(String user, HttpMethod method, String path, String body, String field) {
		ResponseEntity<Map<String, Object>> response = send(user, method, path, body);
		assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
		assertThat(errors).as(body).extracting((error) -> error.get("field")).containsExactly(field);
	}

	private ResponseEntity<Map<String, Object>> estimate(String user, String code, String body) {
		return send(user, HttpMethod.PUT, "/api/services/" + code + "/business-case", body);
	}

	private Long objective(String name, int weight) {
		return ((Number) send("sara", HttpMethod.POST, "/api/objectives",
				"{\"name\": \"%s\", \"description\": \"d\", \"weight\": %d, \"validFrom\": \"2020-01-01\"}"
					.formatted(name, weight))
			.getBody()
			.get("id")).longValue();
	}

	private ResponseEntity<Map<String, Object>> send(String user, HttpMethod method, String path, String body) {
		return this.rest.withBasicAuth(user, user)
			.exchange(path, method, TaggedChanges.json(this.rest, user, method, path, body), JSON_OBJECT);
	}

	private List<Map<String, Object>> list(String user, String path) {
		return this.rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, JSON_ARRAY).getBody();
	}

	private static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 6);
	}

}
