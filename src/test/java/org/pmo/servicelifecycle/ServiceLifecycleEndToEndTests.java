package org.pmo.servicelifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One service from request to retirement, the way an integration drives it: the catalog API to raise the request,
 * the engine REST API to claim and complete each task with the form's fields, to fire timers and to send a message.
 */
class ServiceLifecycleEndToEndTests extends WebTestSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
	};


	@Test
	void shouldCarryServiceFromRequestToRetirementOverRest() {
		// a customer raises the request
		ResponseEntity<Map<String, Object>> created = this.rest.withBasicAuth("paul", "paul")
			.exchange("/api/services", HttpMethod.POST, new org.springframework.http.HttpEntity<>(Map.of("name",
					"Lessons-learned facilitation", "description", "Workshop within 10 working days of closure",
					"customerSegments", List.of("PROJECT_MANAGERS", "END_USERS"))), JSON_OBJECT);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String code = (String) created.getBody().get("code");
		assertThat(stageOf(code)).isEqualTo("PROPOSED");

		complete(code, "Task_EvaluateNeed", "mark", Map.of("strategicFit", "high", "valueToOrganisation", 4,
				"offeringLevel", "ADDITIONAL", "decision", "approve"));
		assertThat(stageOf(code)).isEqualTo("DESIGN");

		complete(code, "Task_DesignService", "anna", Map.of("designSummary", "Facilitator, template, report",
				"slaSummary", "Workshop within 10 working days", "serviceOwner", "anna", "pilotPeriod", "P14D",
				"reviewCycle", "R/P6M"));
		assertThat(stageOf(code)).isEqualTo("JUSTIFICATION");

		complete(code, "Task_JustifyService", "sara", Map.of("decision", "approve", "decisionComment", "Good value"));
		assertThat(stageOf(code)).isEqualTo("PILOT");

		executeJob(code, "Event_PilotPeriodOver");
		complete(code, "Task_ReviewPilot", "mark", Map.of("lessonsLearned", "Works", "decision", "approve"));
		assertThat(stageOf(code)).isEqualTo("IMPLEMENTATION");

		complete(code, "Task_ApproveGoLive", "sara", Map.of("decision", "approve"));
		Map<String, Object> live = service(code);
		assertThat(live).containsEntry("stage", "OPERATION")
			.containsEntry("portfolioPhase", "CATALOG")
			.containsEntry("owner", "anna")
			.containsEntry("reviewCycle", "R/P6M")
			.containsEntry("pilotPeriod", "P14D");
		assertThat(live.get("nextReviewDue")).isNotNull();

		// the periodic review falls due, and the service continues
		executeJob(code, "Event_PeriodicReviewDue");
		complete(code, "Task_ReviewService", "mark", Map.of("reviewFindings", "On target", "reviewOutcome", "continue"));
		assertThat(stageOf(code)).isEqualTo("OPERATION");

		// a complaint asks for an unscheduled review, which retires the service
		ResponseEntity<String> message = this.rest.withBasicAuth("demo", "demo")
			.postForEntity("/engine-rest/message", Map.of("messageName", "ServiceReviewRequested", "businessKey", code,
					"processVariables", Map.of("reviewReason", Map.of("value", "Customer complaint"))), String.class);
		assertThat(message.getStatusCode().is2xxSuccessful()).as(message.getBody()).isTrue();
		complete(code, "Task_ReviewService", "mark", Map.of("reviewFindings", "Demand gone", "reviewOutcome", "retire"));
		assertThat(stageOf(code)).isEqualTo("RETIREMENT");

		complete(code, "Task_PlanRetirement", "anna",
				Map.of("retirementDate", "2027-03-31", "customerNotice", "The service ends in March."));
		complete(code, "Task_ApproveRetirement", "sara", Map.of("decision", "approve"));
		executeJob(code, "Task_NotifyCustomers");
		executeJob(code, "Task_DecommissionService");

		// then
		Map<String, Object> retired = service(code);
		assertThat(retired).containsEntry("stage", "RETIRED").containsEntry("portfolioPhase", "RETIRED");
		assertThat(retired.get("nextReviewDue")).isNull();
		assertThat(tasks(code)).isEmpty();
		List<Map<String, Object>> history = this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services/" + code + "/history", HttpMethod.GET, null, JSON_ARRAY)
			.getBody();
		assertThat(history).filteredOn((h) -> "STAGE_CHANGED".equals(h.get("kind")))
			.extracting((h) -> h.get("toStage"))
			.containsExactly("DESIGN", "JUSTIFICATION", "PILOT", "IMPLEMENTATION", "OPERATION", "RETIREMENT",
					"RETIRED");
		assertThat(history).filteredOn((h) -> "TASK_COMPLETED".equals(h.get("kind")))
			.extracting((h) -> h.get("activity") + "/" + h.get("actor") + "/" + h.get("decision"))
			.contains("Approve business case/sara/approve", "Review service/mark/retire",
					"Approve retirement/sara/approve");
		assertThat(history).extracting((h) -> h.get("kind")).contains("CUSTOMERS_NOTIFIED", "DECOMMISSIONED");
	}

	private void complete(String code, String taskKey, String user, Map<String, Object> fields) {
		List<Map<String, Object>> open = this.rest.withBasicAuth(user, user)
			.exchange("/engine-rest/task?processInstanceBusinessKey={code}&taskDefinitionKey={key}", HttpMethod.GET,
					null, JSON_ARRAY, code, taskKey)
			.getBody();
		assertThat(open).as("open %s of %s", taskKey, code).hasSize(1);
		String taskId = (String) open.get(0).get("id");
		ResponseEntity<String> claim = this.rest.withBasicAuth(user, user)
			.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", user), String.class, taskId);
		assertThat(claim.getStatusCode().is2xxSuccessful()).as(claim.getBody()).isTrue();
		Map<String, Object> variables = new LinkedHashMap<>();
		fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		ResponseEntity<String> completion = this.rest.withBasicAuth(user, user)
			.postForEntity("/engine-rest/task/{id}/complete", Map.of("variables", variables), String.class, taskId);
		assertThat(completion.getStatusCode().is2xxSuccessful()).as(completion.getBody()).isTrue();
	}

	private void executeJob(String code, String activityId) {
		String instanceId = (String) service(code).get("lifecycleInstanceId");
		List<Map<String, Object>> jobs = this.rest.withBasicAuth("demo", "demo")
			.exchange("/engine-rest/job?activityId={activity}", HttpMethod.GET, null, JSON_ARRAY, activityId)
			.getBody();
		List<Map<String, Object>> own = jobs.stream()
			.filter((job) -> instanceId.equals(job.get("processInstanceId")) || isCalledBy(instanceId, job))
			.toList();
		assertThat(own).as("job at %s of %s", activityId, code).hasSize(1);
		ResponseEntity<String> execution = this.rest.withBasicAuth("demo", "demo")
			.postForEntity("/engine-rest/job/{id}/execute", null, String.class, own.get(0).get("id"));
		assertThat(execution.getStatusCode().is2xxSuccessful()).as(execution.getBody()).isTrue();
	}

	private boolean isCalledBy(String lifecycleInstanceId, Map<String, Object> job) {
		List<Map<String, Object>> called = this.rest.withBasicAuth("demo", "demo")
			.exchange("/engine-rest/process-instance?superProcessInstance={id}", HttpMethod.GET, null, JSON_ARRAY,
					lifecycleInstanceId)
			.getBody();
		return called.stream().anyMatch((instance) -> instance.get("id").equals(job.get("processInstanceId")));
	}

	private List<Map<String, Object>> tasks(String code) {
		return this.rest.withBasicAuth("demo", "demo")
			.exchange("/engine-rest/task?processInstanceBusinessKey={code}", HttpMethod.GET, null, JSON_ARRAY, code)
			.getBody();
	}

	private Map<String, Object> service(String code) {
		return this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services/{code}", HttpMethod.GET, null, JSON_OBJECT, code)
			.getBody();
	}

	private String stageOf(String code) {
		return (String) service(code).get("stage");
	}

}
