package org.pmo.servicelifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Deny by default: every class of operation that moves a lifecycle outside its gates is refused to every person who
 * is not an administrator, over the engine REST API, and leaves the engine and the catalog exactly as they were.
 */
class DenyByDefaultTests extends WebTestSupport {

	/** Every non-administrator role of the demo organisation. */
	static final List<String> PEOPLE = List.of("paul", "anna", "mark", "sara");


	private EngineState state;

	/** A live service (periodic review timer) and one waiting for the board's business case (escalation timer). */
	private String live;

	private String atJustification;

	@BeforeEach
	void setUp() {
		this.state = new EngineState(this.engine, this.jdbc);
		this.live = this.lifecycle.request("Lessons-learned facilitation");
		this.lifecycle.evaluateNeed(this.live, Decision.APPROVE);
		this.lifecycle.design(this.live);
		this.lifecycle.justify(this.live, Decision.APPROVE);
		this.lifecycle.endPilot(this.live);
		this.lifecycle.reviewPilot(this.live, Decision.APPROVE);
		this.lifecycle.approveGoLive(this.live, Decision.APPROVE);
		this.atJustification = this.lifecycle.request("Risk workshop");
		this.lifecycle.evaluateNeed(this.atJustification, Decision.APPROVE);
		this.lifecycle.design(this.atJustification);
	}

	@Test
	void tasksEndOnlyThroughTheirForms() {
		Task design = designTaskOf(this.lifecycle.request("PM coaching"));
		Task justification = this.engineApi.task(this.atJustification, Lifecycle.TASK_JUSTIFY_SERVICE);
		Map<String, String> attacks = new LinkedHashMap<>();
		for (Task task : List.of(design, justification)) {
			attacks.put("POST /task/" + task.getId() + "/bpmnError",
					"{\"errorCode\":\"retire\",\"variables\":{\"serviceOwner\":{\"value\":\"olga\"}}}");
			attacks.put("POST /task/" + task.getId() + "/bpmnEscalation", "{\"escalationCode\":\"retire\"}");
			attacks.put("POST /task/" + task.getId() + "/resolve", "{}");
			attacks.put("POST /task/" + task.getId() + "/delegate", "{\"userId\":\"mark\"}");
			attacks.put("POST /task/" + task.getId() + "/assignee", "{\"userId\":\"sara\"}");
			attacks.put("PUT /task/" + task.getId(), "{\"name\":\"Renamed\",\"due\":\"2030-01-01T00:00:00.000+0000\"}");
			attacks.put("DELETE /task/" + task.getId(), null);
			attacks.put("POST /task/" + task.getId() + "/identity-links", "{\"groupId\":\"service-customers\",\"type\":\"candidate\"}");
			attacks.put("PUT /task/" + task.getId() + "/variables/decision", "{\"value\":\"approve\"}");
			attacks.put("POST /task/" + task.getId() + "/localVariables", "{\"modifications\":{\"decision\":{\"value\":\"approve\"}}}");
		}
		refusedToEverybody(attacks);
	}

	@Test
	void nobodyButTheAdministratorClaimsForAnother() {
		Task justification = this.engineApi.task(this.atJustification, Lifecycle.TASK_JUSTIFY_SERVICE);
		// to a manager outside the board, whom four-eyes would not stop, and to somebody with no groups at all
		this.organisation.ensureUser("olga", "Olga", "Outsider", "olga");
		refusedToEverybody(Map.of("POST /task/" + justification.getId() + "/claim", "{\"userId\":\"mark\"}",
				"POST /task/" + justification.getId() + "/assignee", "{\"userId\":\"olga\"}"));
	}

	@Test
	void jobsRunOnlyWhenTheyFallDue() {
		Job review = job(this.live, Lifecycle.EVENT_PERIODIC_REVIEW_DUE);
		Job escalation = job(this.atJustification, Lifecycle.EVENT_BUSINESS_CASE_OVERDUE);
		Map<String, String> attacks = new LinkedHashMap<>();
		for (Job job : List.of(review, escalation)) {
			attacks.put("POST /job/" + job.getId() + "/execute", null);
			attacks.put("PUT /job/" + job.getId() + "/duedate", "{\"duedate\":\"2020-01-01T00:00:00.000+0000\"}");
			attacks.put("POST /job/" + job.getId() + "/duedate/recalculate", null);
			attacks.put("PUT /job/" + job.getId() + "/retries", "{\"retries\":0}");
			attacks.put("PUT /job/" + job.getId() + "/priority", "{\"priority\":99}");
			attacks.put("PUT /job/" + job.getId() + "/suspended", "{\"suspended\":true}");
			attacks.put("DELETE /job/" + job.getId(), null);
			attacks.put("PUT /job-definition/" + job.getJobDefinitionId() + "/suspended", "{\"suspended\":true}");
		}
		attacks.put("POST /job/retries", "{\"retries\":0,\"jobIds\":[\"" + review.getId() + "\"]}");
		attacks.put("PUT /job/suspended", "{\"processDefinitionKey\":\"pmo-service-lifecycle\",\"suspended\":true}");
		refusedToEverybody(attacks);
	}

	@Test
	void lifecyclesAreNeitherSuspendedNorSignalledNorRewritten() {
		ProcessInstance lifecycle = lifecycle(this.live);
		String execution = this.engine.getRuntimeService()
			.createExecutionQuery()
			.processInstanceId(lifecycle.getId())
			.activityId(Lifecycle.TASK_OPERATE_SERVICE)
			.singleResult()
			.getId();
		String subscribed = this.engine.getRuntimeService()
			.createExecutionQuery()
			.processInstanceId(lifecycle.getId())
			.messageEventSubscriptionName(ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED)
			.singleResult()
			.getId();
		String id = lifecycle.getId();
		Map<String, String> attacks = new LinkedHashMap<>();
		attacks.put("PUT /process-instance/" + id + "/suspended", "{\"suspended\":true}");
		attacks.put("PUT /process-instance/suspended", "{\"processDefinitionKey\":\"pmo-service-lifecycle\",\"suspended\":true}");
		attacks.put("PUT /process-definition/key/pmo-service-lifecycle/suspended", "{\"suspended\":true}");
		attacks.put("POST /execution/" + execution + "/signal", "{}");
		attacks.put("POST /signal", "{\"name\":\"anything\"}");
		attacks.put("POST /execution/" + subscribed + "/messageSubscriptions/ServiceReviewRequested/trigger",
				"{\"variables\":{\"designedBy\":{\"value\":\"olga\"}}}");
		attacks.put("PUT /process-instance/" + id + "/variables/reviewCycle", "{\"value\":\"R/PT1M\"}");
		attacks.put("POST /process-instance/" + id + "/variables", "{\"modifications\":{\"serviceOwner\":{\"value\":\"olga\"}}}");
		attacks.put("DELETE /process-instance/" + id + "/variables/serviceCode", null);
		attacks.put("PUT /execution/" + execution + "/localVariables/reviewCycle", "{\"value\":\"R/PT1M\"}");
		attacks.put("POST /process-instance/" + id + "/modification",
				"{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_ReviewService\"}]}");
		attacks.put("DELETE /process-instance/" + id, null);
		attacks.put("POST /process-instance/delete", "{\"processInstanceIds\":[\"" + id + "\"]}");
		attacks.put("POST /process-instance/variables-async",
				"{\"processInstanceIds\":[\"" + id + "\"],\"variables\":{\"reviewCycle\":{\"value\":\"R/PT1M\"}}}");
		attacks.put("POST /execution/" + execution + "/create-incident", "{\"incidentType\":\"failedJob\"}");
		attacks.put("POST /message", "{\"messageName\":\"ServiceReviewRequested\",\"all\":true}");
		refusedToEverybody(attacks);
	}

	@Test
	void identityGrantsAndModelsStayTheAdministrators() {
		Map<String, String> attacks = new LinkedHashMap<>();
		attacks.put("POST /user/create", "{\"profile\":{\"id\":\"eve\",\"firstName\":\"Eve\",\"lastName\":\"X\"},\"credentials\":{\"password\":\"eve-eve-eve-1\"}}");
		attacks.put("PUT /group/camunda-admin/members/{self}", null);
		attacks.put("PUT /user/{self}/profile", "{\"id\":\"{self}\",\"firstName\":\"Changed\",\"lastName\":\"Name\"}");
		attacks.put("PUT /user/{self}/credentials", "{\"password\":\"another-pass-1\",\"authenticatedUserPassword\":\"{self}\"}");
		attacks.put("POST /user/demo/unlock", null);
		attacks.put("POST /authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"{self}\",\"resourceType\":0,\"resourceId\":\"*\"}");
		attacks.put("POST /filter/create", "{\"resourceType\":\"Task\",\"name\":\"Mine\",\"query\":{}}");
		attacks.put("PUT /process-definition/key/pmo-service-lifecycle/history-time-to-live", "{\"historyTimeToLive\":1}");
		attacks.put("POST /history/cleanup", null);
		attacks.put("POST /telemetry/configuration", "{\"enableTelemetry\":true}");
		refusedToEverybody(attacks);
	}

	@Test
	void onlyManagersAskForAReviewAndOnlyWithItsReason() {
		String message = "{\"messageName\":\"ServiceReviewRequested\",\"businessKey\":\"" + this.live + "\",%s}";
		String before = this.state.snapshot();
		for (String person : List.of("paul", "anna", "sara")) {
			assertThat(send(person, HttpMethod.POST, "/message",
					String.format(message, "\"processVariables\":{\"reviewReason\":{\"value\":\"Complaint\"}}"))
				.getStatusCode()).as(person).isEqualTo(HttpStatus.FORBIDDEN);
		}
		for (String payload : List.of("\"processVariables\":{\"decision\":{\"value\":\"retire\"}}",
				"\"processVariablesLocal\":{\"reviewReason\":{\"value\":\"Complaint\"}}",
				"\"processVariables\":{\"reviewReason\":{\"value\":\"" + "x".repeat(501) + "\"}}",
				"\"processVariables\":{\"reviewReason\":{\"value\":7,\"type\":\"Integer\"}}",
				"\"processVariables\":{\"reviewReason\":{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":"
						+ "{\"objectTypeName\":\"java.util.HashMap\",\"serializationDataFormat\":\"application/json\"}}}")) {
			ResponseEntity<String> answer = send("mark", HttpMethod.POST, "/message", String.format(message, payload));
			assertThat(answer.getStatusCode()).as(payload + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		}
		ResponseEntity<String> other = send("mark", HttpMethod.POST, "/message",
				"{\"messageName\":\"SomethingElse\",\"businessKey\":\"" + this.live + "\"}");
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertUnchanged(this.state, before);

		ResponseEntity<String> asked = send("mark", HttpMethod.POST, "/message",
				String.format(message, "\"processVariables\":{\"reviewReason\":{\"value\":\"Complaint from finance\"}}"));
		assertThat(asked.getStatusCode()).as(asked.getBody()).isIn(HttpStatus.OK, HttpStatus.NO_CONTENT);
		assertThat(this.engineApi.task(this.live, Lifecycle.TASK_REVIEW_SERVICE)).isNotNull();
	}

	@Test
	void theAdminWebappsPluginsAreForAdministrators() {
		String metrics = "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
				+ "?subscriptionStartDate=2026-01-01&groupBy=year";
		for (String person : PEOPLE) {
			assertThat(WebappSession.login(this.port, person, person).get(metrics).statusCode()).as(person)
				.isEqualTo(403);
		}
		assertThat(WebappSession.login(this.port, "demo", "demo").get(metrics).statusCode()).isEqualTo(200);
	}

	/**
	 * Sends each request as each person: refused every time (403, or Camunda's 404 or 400 "not found" to a person who
	 * may not even see the object),
	 * refused with 403 to at least one of them, and nothing changed.
	 */
	private void refusedToEverybody(Map<String, String> attacks) {
		String before = this.state.snapshot();
		attacks.forEach((request, body) -> {
			List<HttpStatusCode> answers = new ArrayList<>();
			for (String person : PEOPLE) {
				String[] parts = request.split(" ", 2);
				ResponseEntity<String> answer = send(person, HttpMethod.valueOf(parts[0]),
						parts[1].replace("{self}", person), (body != null) ? body.replace("{self}", person) : null);
				assertThat(answer.getStatusCode()).as(person + ": " + request + " answered " + answer.getBody())
					.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST);
				answers.add(answer.getStatusCode());
			}
			assertThat(answers).as(request).contains(HttpStatus.FORBIDDEN);
		});
		assertUnchanged(this.state, before);
	}

	static void assertUnchanged(EngineState state, String before) {
		List<String> earlier = before.lines().toList();
		List<String> now = state.snapshot().lines().toList();
		assertThat(now).as("gone: %s%nnew: %s", earlier.stream().filter((line) -> !now.contains(line)).toList(),
				now.stream().filter((line) -> !earlier.contains(line)).toList())
			.isEqualTo(earlier);
	}

	private ResponseEntity<String> send(String person, HttpMethod method, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.withBasicAuth(person, person)
			.exchange("/engine-rest" + path, method, new HttpEntity<>((body != null) ? body : "{}", headers),
					String.class);
	}

	private Task designTaskOf(String code) {
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		return this.engineApi.task(code, Lifecycle.TASK_DESIGN_SERVICE);
	}

	private ProcessInstance lifecycle(String code) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(ServiceLifecycleProcess.KEY)
			.processInstanceBusinessKey(code)
			.singleResult();
	}

	private Job job(String code, String activityId) {
		return this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(lifecycle(code).getId())
			.activityId(activityId)
			.singleResult();
	}

}
