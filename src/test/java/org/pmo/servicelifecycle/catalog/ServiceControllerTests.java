package org.pmo.servicelifecycle.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.TaggedChanges;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class ServiceControllerTests extends WebTestSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private PmoServiceRepository services;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private TaskService taskService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private IdentityService identityService;


	@Test
	void shouldRefuseAnonymousRequests() {
		assertThat(this.rest.getForEntity("/api/services", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		// a user of its own: a failed login delays that user's next logins
		this.organisation.ensureUser("eve", "Eve", "Guesser", "eve", Groups.SERVICE_CUSTOMERS);
		assertThat(this.rest.withBasicAuth("eve", "wrong").getForEntity("/api/services", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldRequestServiceAndStartItsLifecycle() {
		// when
		ResponseEntity<Map<String, Object>> response = post("paul", """
				{"name": "Risk workshop", "description": "Facilitated risk identification",
				 "customerSegments": ["PROJECT_MANAGERS", "END_USERS"], "offeringLevel": "MANDATED"}""");

		// then
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Map<String, Object> service = response.getBody();
		String code = (String) service.get("code");
		assertThat(code).matches("SVC-\\d{4,}");
		assertThat(response.getHeaders().getLocation()).hasPath("/api/services/" + code);
		assertThat(service).containsEntry("stage", "PROPOSED")
			.containsEntry("portfolioPhase", "PIPELINE")
			.containsEntry("offeringLevel", "MANDATED")
			.containsEntry("version", 1)
			.containsEntry("requestedBy", "paul")
			.containsEntry("reviewCycle", "R/P3M")
			.containsEntry("customerSegments", List.of("PROJECT_MANAGERS", "END_USERS"));
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ServiceLifecycleProcess.KEY)
			.processInstanceBusinessKey(code)
			.singleResult()
			.getId()).isEqualTo(service.get("lifecycleInstanceId"));
		assertThat(this.taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getTaskDefinitionKey())
			.isEqualTo(ServiceLifecycleProcess.Lifecycle.TASK_EVALUATE_NEED);
	}

	@Test
	void shouldOfferAdditionalServiceWhenLevelIsLeftOpen() {
		ResponseEntity<Map<String, Object>> response = post("paul", """
				{"name": "PM coaching", "description": "Coaching", "customerSegments": ["PROJECT_MANAGERS"]}""");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getBody()).containsEntry("offeringLevel", "ADDITIONAL");
	}

	@Test
	void shouldNameMissingFieldsAndStoreNothing() {
		assertRefused("""
				{"description": "No name", "customerSegments": ["END_USERS"]}""", "name");
		assertRefused("""
				{"name": "  ", "description": "Blank name", "customerSegments": ["END_USERS"]}""", "name");
		assertRefused("""
				{"name": "No segments", "description": "x", "customerSegments": []}""", "customerSegments");
		assertRefused("""
				{"name": "No description", "customerSegments": ["END_USERS"]}""", "description");
	}

	@Test
	void shouldRefuseValuesOutsideTheContract() {
		assertRefused("""
				{"name": "x", "description": "x", "customerSegments": ["PROJECT_MANAGERS", "CLOWNS"]}""",
				"customerSegments[1]");
		assertRefused("""
				{"name": "x", "description": "x", "customerSegments": ["END_USERS"], "offeringLevel": "OPTIONAL"}""",
				"offeringLevel");
		assertRefused("""
				{"name": "%s", "description": "x", "customerSegments": ["END_USERS"]}""".formatted("n".repeat(121)),
				"name");
		assertRefused("""
				{"name": "x", "description": "x", "customerSegments": ["END_USERS"], "stage": "OPERATION"}""",
				"stage");
		assertRefused("""
				{"name": 42, "description": "x", "customerSegments": "END_USERS"}""", "customerSegments");
	}

	@Test
	void shouldRefuseMalformedJsonWithoutStackTrace() {
		long before = this.services.count();

		ResponseEntity<String> response = this.rest.withBasicAuth("paul", "paul")
			.exchange("/api/services", HttpMethod.POST, json("{\"name\": \"x\", "), String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("Malformed JSON").doesNotContain("Exception").doesNotContain("at org.");
		assertThat(this.services.count()).isEqualTo(before);
	}

	@Test
	void shouldListServicesByStage() {
		String code = (String) post("paul", """
				{"name": "Portfolio report", "description": "Monthly", "customerSegments": ["SENIOR_EXECUTIVES"]}""")
			.getBody()
			.get("code");

		List<Map<String, Object>> proposed = this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services?stage=PROPOSED&size=500", HttpMethod.GET, null, JSON_ARRAY)
			.getBody();
		List<Map<String, Object>> live = this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services?stage=OPERATION", HttpMethod.GET, null, JSON_ARRAY)
			.getBody();

		assertThat(proposed).extracting((s) -> s.get("code")).contains(code);
		assertThat(proposed).allSatisfy((s) -> assertThat(s).containsEntry("stage", "PROPOSED"));
		assertThat(live).extracting((s) -> s.get("code")).doesNotContain(code);
	}

	@Test
	void shouldRefuseUnknownStageAndPageSize() {
		ResponseEntity<Map<String, Object>> stage = this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services?stage=LIVE", HttpMethod.GET, null, JSON_OBJECT);
		ResponseEntity<Map<String, Object>> size = this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services?size=100000", HttpMethod.GET, null, JSON_OBJECT);

		assertThat(stage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fieldsOf(stage.getBody())).containsExactly("stage");
		assertThat(size.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fieldsOf(size.getBody())).containsExactly("size");
	}

	@Test
	void shouldAnswerNotFoundForUnknownCode() {
		ResponseEntity<Map<String, Object>> response = this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services/SVC-9999", HttpMethod.GET, null, JSON_OBJECT);
		ResponseEntity<Map<String, Object>> history = this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services/SVC-9999/history", HttpMethod.GET, null, JSON_OBJECT);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).containsEntry("detail", "No service with code 'SVC-9999'");
		assertThat(history.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldFindServicesByTheirExactCodeOnly() {
		String code = (String) post("paul", """
				{"name": "Risk register review", "description": "Quarterly", "customerSegments": ["PROJECT_MANAGERS"]}""")
			.getBody()
			.get("code");
		String unpadded = "SVC-" + Long.parseLong(code.substring(4));

		assertThat(this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services/" + code, HttpMethod.GET, null, JSON_OBJECT)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services/" + unpadded, HttpMethod.GET, null, JSON_OBJECT)
			.getStatusCode()).as(unpadded).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services/" + code.toLowerCase(), HttpMethod.GET, null, JSON_OBJECT)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldShowTheRequestInTheHistory() {
		String code = (String) post("paul", """
				{"name": "Health check", "description": "Review", "customerSegments": ["PROJECT_MANAGERS"]}""")
			.getBody()
			.get("code");

		List<Map<String, Object>> history = this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services/" + code + "/history", HttpMethod.GET, null, JSON_ARRAY)
			.getBody();

		assertThat(history).hasSize(1);
		assertThat(history.get(0)).containsEntry("kind", "REQUESTED")
			.containsEntry("toStage", "PROPOSED")
			.containsEntry("actor", "paul");
	}

	@Test
	void shouldChangeReviewCycleOfLiveService() {
		// given a live service reviewed quarterly
		String code = liveService("Risk workshop facilitation");
		Map<String, Object> before = get("/api/services/" + code);

		// when
		ResponseEntity<Map<String, Object>> changed = patch(code, "{\"reviewCycle\": \"R/P1M\"}");

		// then the catalog and the lifecycle take the new cycle; the review already planned stays
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(changed.getBody()).containsEntry("reviewCycle", "R/P1M")
			.containsEntry("nextReviewDue", before.get("nextReviewDue"));
		assertThat(this.runtimeService.getVariable((String) before.get("lifecycleInstanceId"),
				ServiceLifecycleProcess.Variables.REVIEW_CYCLE)).isEqualTo("R/P1M");
		List<Map<String, Object>> history = this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services/" + code + "/history", HttpMethod.GET, null, JSON_ARRAY)
			.getBody();
		assertThat(history.get(history.size() - 1)).containsEntry("kind", "REVIEW_CYCLE_CHANGED")
			.containsEntry("actor", "mark")
			.containsEntry("comment", "Review cycle R/P3M changed to R/P1M, from the next review on");
	}

	@Test
	void shouldRefuseInvalidReviewCycleAndChangeNothing() {
		String code = liveService("Stage-gate assurance");

		assertChangeRefused(code, "{\"reviewCycle\": \"monthly\"}", "reviewCycle");
		assertChangeRefused(code, "{\"reviewCycle\": \"P1M\"}", "reviewCycle");
		assertChangeRefused(code, "{\"reviewCycle\": \"R/PT1H\"}", "reviewCycle");
		assertChangeRefused(code, "{\"reviewCycle\": null}", "reviewCycle");
		assertChangeRefused(code, "{\"reviewCycle\": 3}", "reviewCycle");
		assertChangeRefused(code, "{\"stage\": \"RETIRED\"}", "stage");
		assertThat(get("/api/services/" + code)).containsEntry("reviewCycle", "R/P3M");
		assertThat(patch("SVC-9999", "{\"reviewCycle\": \"R/P1M\"}").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldRefuseReviewCycleOfDeclinedService() {
		String code = (String) post("paul", """
				{"name": "Coffee rota", "description": "Not a PMO service", "customerSegments": ["END_USERS"]}""")
			.getBody()
			.get("code");
		this.lifecycle.evaluateNeed(code, Decision.REJECT);

		assertChangeRefused(code, "{\"reviewCycle\": \"R/P1M\"}", "code");
	}

	private String liveService(String name) {
		return this.lifecycle.live(name);
	}

	private void assertChangeRefused(String code, String body, String field) {
		ResponseEntity<Map<String, Object>> response = patch(code, body);
		assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fieldsOf(response.getBody())).as(body).containsExactly(field);
	}

	private ResponseEntity<Map<String, Object>> patch(String code, String body) {
		return this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services/" + code, HttpMethod.PATCH,
					TaggedChanges.json(this.rest, "mark", HttpMethod.PATCH, "/api/services/" + code, body), JSON_OBJECT);
	}

	private Map<String, Object> get(String path) {
		return this.rest.withBasicAuth("mark", "mark").exchange(path, HttpMethod.GET, null, JSON_OBJECT).getBody();
	}

	private void assertRefused(String body, String field) {
		long before = this.services.count();
		long lifecycles = this.runtimeService.createProcessInstanceQuery().count();

		ResponseEntity<Map<String, Object>> response = post("paul", body);

		assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(fieldsOf(response.getBody())).as(body).contains(field);
		assertThat(this.services.count()).isEqualTo(before);
		assertThat(this.runtimeService.createProcessInstanceQuery().count()).isEqualTo(lifecycles);
	}

	@SuppressWarnings("unchecked")
	private static List<Object> fieldsOf(Map<String, Object> error) {
		return ((List<Map<String, Object>>) error.get("errors")).stream().map((e) -> e.get("field")).toList();
	}

	private ResponseEntity<Map<String, Object>> post(String user, String body) {
		return this.rest.withBasicAuth(user, user).exchange("/api/services", HttpMethod.POST, json(body), JSON_OBJECT);
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
