package org.pmo.servicelifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.ApiClient;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.PmoServiceRepository;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.demo.LifecycleForms;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Form submissions over the engine REST API (as Tasklist and integrations send them) are checked against the task's
 * Camunda Form: a clear 400 that names the field, and nothing stored.
 */
class FormSubmissionValidationTests extends WebTestSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private ServiceCatalog catalog;

	@Autowired
	private PmoServiceRepository services;


	@Test
	void shouldRefuseEvaluationsOutsideTheForm() {
		String code = request("Change readiness survey");
		Task evaluation = task(code, Lifecycle.TASK_EVALUATE_NEED);
		Map<String, Object> valid = LifecycleForms.needEvaluation(Decision.APPROVE, null);

		assertRefused(evaluation, "mark", without(valid, "decision"), "decision", "is required");
		assertRefused(evaluation, "mark", with(valid, "decision", "maybe"), "decision", "unknown value 'maybe'");
		assertRefused(evaluation, "mark", with(valid, "strategicFit", "HIGHEST"), "strategicFit", "unknown value");
		assertRefused(evaluation, "mark", with(valid, "valueToOrganisation", 9), "valueToOrganisation", "at most 5");
		assertRefused(evaluation, "mark", with(valid, "valueToOrganisation", "four"), "valueToOrganisation",
				"must be a number");
		assertRefused(evaluation, "mark", with(valid, "decisionComment", "x".repeat(2001)), "decisionComment",
				"longer than 2000");
		assertRefused(evaluation, "mark", with(valid, "serviceName", "Renamed on the sly"), "serviceName",
				"cannot be changed");
		assertRefused(evaluation, "mark", with(valid, "budget", 1_000_000), "budget", "not a field");

		// the form's own values pass
		assertThat(complete(evaluation, "mark", valid).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.catalog.find(code).getStage()).isEqualTo(Stage.DESIGN);
	}

	@Test
	void shouldRefuseDesignsOutsideTheForm() {
		String code = request("Benefits realisation review");
		complete(task(code, Lifecycle.TASK_EVALUATE_NEED), "mark", LifecycleForms.needEvaluation(Decision.APPROVE, null));
		Task design = task(code, Lifecycle.TASK_DESIGN_SERVICE);
		Map<String, Object> valid = LifecycleForms.design("anna", "P4W", "R/P6M");

		assertRefused(design, "anna", without(valid, "designSummary"), "designSummary", "is required");
		assertRefused(design, "anna", with(valid, "agreements", SpinValues.jsonValue("[]").create()), "agreements",
				"has no performance agreement");
		assertRefused(design, "anna", with(valid, "agreements", SpinValues.jsonValue("["
				+ LifecycleForms.agreementRow("PROJECT_MANAGERS", "on-time-delivery", "PERCENT", "AT_LEAST", 120, null)
				+ "]").create()), "agreements[0].target", "between 0 and 100");
		assertRefused(design, "anna", with(valid, "agreements", SpinValues.jsonValue("["
				+ LifecycleForms.agreementRow("END_USERS", "on-time-delivery", "PERCENT", "AT_LEAST", 90, null) + "]")
			.create()), "agreements[0].segment", "no offering for End users");
		assertRefused(design, "anna", with(valid, "offerings", SpinValues.jsonValue("[{\"segment\":\"CLOWNS\",\"level\":\"MANDATED\"}]")
			.create()), "offerings[0].segment", "unknown value");
		assertRefused(design, "anna", with(valid, "offerings", SpinValues.jsonValue("[{\"segment\":\"PROJECT_MANAGERS\",\"level\":\"MANDATED\",\"price\":3}]")
			.create()), "offerings[0].price", "not a field");
		assertRefused(design, "anna", with(valid, "reviewCycle", "R/P2Y"), "reviewCycle", "unknown value");
		assertRefused(design, "anna", with(valid, "serviceOwner", "o".repeat(65)), "serviceOwner", "longer than 64");
		assertRefused(design, "anna", with(valid, "designSummary", 42), "designSummary", "must be text");
	}

	@Test
	void shouldRefuseStartFormSubmissionsOutsideTheForm() {
		String definitionId = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(ServiceLifecycleProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		long services = this.services.count();
		long lifecycles = this.engine.getRuntimeService().createProcessInstanceQuery().count();

		ResponseEntity<Map<String, Object>> missing = submitStart(definitionId, Map.of("serviceName", value("Quality gates"),
				"customerSegments", Map.of("value", "[\"END_USERS\"]", "type", "Json"), "offeringLevel",
				value("ADDITIONAL")));
		ResponseEntity<Map<String, Object>> unknownSegment = submitStart(definitionId, Map.of("serviceName",
				value("Quality gates"), "serviceDescription", value("Gate checks"), "customerSegments",
				Map.of("value", "[\"CLOWNS\"]", "type", "Json"), "offeringLevel", value("ADDITIONAL")));
		ResponseEntity<Map<String, Object>> spoofedRequester = submitStart(definitionId, Map.of("serviceName",
				value("Quality gates"), "serviceDescription", value("Gate checks"), "customerSegments",
				Map.of("value", "[\"END_USERS\"]", "type", "Json"), "offeringLevel", value("ADDITIONAL"),
				"requestedBy", value("sara")));

		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) missing.getBody().get("message")).contains("serviceDescription", "is required");
		assertThat(unknownSegment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) unknownSegment.getBody().get("message")).contains("customerSegments", "CLOWNS");
		assertThat(spoofedRequester.getStatusCode()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN);
		assertThat(this.services.count()).isEqualTo(services);
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(lifecycles);
	}

	@Test
	void shouldAnswerErrorsWithoutStackTraces() {
		ResponseEntity<String> malformed = this.rest.withBasicAuth("mark", "mark")
			.exchange("/engine-rest/task/{id}/complete", HttpMethod.POST, json("{\"variables\": "), String.class,
					"no-such-task");
		ResponseEntity<String> unknownTask = this.rest.withBasicAuth("mark", "mark")
			.exchange("/engine-rest/task/{id}/complete", HttpMethod.POST, json("{}"), String.class, "no-such-task");
		ResponseEntity<String> unknownService = this.rest.withBasicAuth("mark", "mark")
			.getForEntity("/api/services/SVC-0000/history", String.class);

		assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknownTask.getBody()).contains("Cannot find task");
		assertThat(unknownService.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		for (ResponseEntity<String> response : List.of(malformed, unknownTask, unknownService)) {
			assertThat(response.getBody()).doesNotContain("\tat ", "at org.", "at java.", "Caused by");
		}
	}

	private void assertRefused(Task task, String user, Map<String, Object> fields, String field, String problem) {
		String before = this.engine.getRuntimeService().getVariables(task.getExecutionId()).toString();

		ResponseEntity<Map<String, Object>> response = complete(task, user, fields);

		assertThat(response.getStatusCode()).as(fields.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) response.getBody().get("message")).as(fields.toString()).contains(field, problem);
		assertThat(this.engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
		assertThat(this.engine.getRuntimeService().getVariables(task.getExecutionId()).toString()).isEqualTo(before);
	}

	private ResponseEntity<Map<String, Object>> complete(Task task, String user, Map<String, Object> fields) {
		Map<String, Object> variables = new LinkedHashMap<>();
		fields.forEach((name, value) -> variables.put(name, value(value)));
		return this.rest.withBasicAuth(user, user)
			.exchange("/engine-rest/task/{id}/complete", HttpMethod.POST,
					new HttpEntity<>(Map.of("variables", variables)), JSON_OBJECT, task.getId());
	}

	private ResponseEntity<Map<String, Object>> submitStart(String definitionId, Map<String, Object> variables) {
		return this.rest.withBasicAuth("paul", "paul")
			.exchange("/engine-rest/process-definition/{id}/submit-form", HttpMethod.POST,
					new HttpEntity<>(Map.of("variables", variables)), JSON_OBJECT, definitionId);
	}

	private String request(String name) {
		this.engine.getIdentityService().setAuthentication("paul", List.of("service-customers"));
		try {
			return this.requests
				.request(new ServiceRequest(name, "Needed by the projects", Set.of(CustomerSegment.PROJECT_MANAGERS),
						null))
				.getCode();
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	private Task task(String code, String key) {
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey(key)
			.singleResult();
	}

	private static Map<String, Object> value(Object value) {
		return ApiClient.variable(value);
	}

	private static Map<String, Object> with(Map<String, Object> fields, String name, Object value) {
		Map<String, Object> changed = new LinkedHashMap<>(fields);
		changed.put(name, value);
		return changed;
	}

	private static Map<String, Object> without(Map<String, Object> fields, String name) {
		Map<String, Object> changed = new LinkedHashMap<>(fields);
		changed.remove(name);
		return changed;
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
