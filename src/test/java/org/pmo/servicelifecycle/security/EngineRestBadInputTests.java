package org.pmo.servicelifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Bad input to the engine REST API is a 400 that names what is wrong, never a 500, and a refused request stores
 * nothing: the request form's check holds for the engine's start endpoints as for Tasklist's start form.
 */
class EngineRestBadInputTests extends WebTestSupport {

	private static final String START = "/engine-rest/process-definition/key/" + ServiceLifecycleProcess.KEY + "/start";

	private static final String REQUEST = "\"serviceName\":{\"value\":\"Risk workshop\"},"
			+ "\"serviceDescription\":{\"value\":\"Facilitated risk identification\"},"
			+ "\"customerSegments\":{\"value\":\"[\\\"PROJECT_MANAGERS\\\"]\",\"type\":\"Json\"},"
			+ "\"offeringLevel\":{\"value\":\"ADDITIONAL\"}";

	private EngineState state;

	@BeforeEach
	void setUp() {
		this.state = new EngineState(this.engine, this.jdbc);
	}

	@Test
	void aRequestThroughTheStartEndpointPassesTheRequestFormsCheck() {
		ResponseEntity<String> started = post("paul", START, "{\"variables\":{" + REQUEST + "}}");

		assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void startsThatTheRequestFormWouldNotTakeAreRefused() {
		String before = this.state.snapshot();
		List<String[]> refused = List.of(
				new String[] { "{\"variables\":{" + REQUEST + ",\"reviewCycle\":{\"value\":\"R/PT1M\"}}}", "reviewCycle" },
				new String[] { "{\"variables\":{" + REQUEST.replace("Risk workshop", "x".repeat(1_000_000)) + "}}",
						"serviceName" },
				new String[] { "{\"variables\":{" + REQUEST + ",\"payload\":{\"value\":\"{}\",\"type\":\"Object\","
						+ "\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\",\"serializationDataFormat\":\"application/json\"}}}}",
						"payload" },
				new String[] { "{\"variables\":{" + REQUEST.replace("{\"value\":\"Risk workshop\"}",
						"{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
								+ "\"org.springframework.context.support.ClassPathXmlApplicationContext\","
								+ "\"serializationDataFormat\":\"application/json\"}}")
						+ "}}", "serviceName" },
				new String[] { "{\"variables\":{" + REQUEST.replace("{\"value\":\"Risk workshop\"}",
						"{\"value\":\"{\\\"a\\\":1}\",\"type\":\"Json\"}") + "}}", "serviceName" },
				new String[] { "{\"businessKey\":\"SVC-9999\",\"variables\":{" + REQUEST + "}}", "businessKey" },
				new String[] { "{\"variables\":{" + REQUEST.replace("{\"value\":\"Risk workshop\"}",
						"{\"value\":\"{\",\"type\":\"Json\"}") + "}}", "read" },
				new String[] { "{\"variables\":{" + REQUEST.replace("ADDITIONAL", "PLATINUM") + "}}", "offeringLevel" });
		for (String[] attempt : refused) {
			ResponseEntity<String> answer = post("paul", START, attempt[0]);
			assertThat(answer.getStatusCode()).as(attempt[1] + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getBody()).contains(attempt[1]).doesNotContain("Exception:", "\tat ");
		}
		DenyByDefaultTests.assertUnchanged(this.state, before);
	}

	@Test
	void formValuesOfTheWrongTypeAreRefused() {
		String code = this.lifecycle.request("Portfolio health check");
		Task evaluation = this.engineApi.task(code, Lifecycle.TASK_EVALUATE_NEED);
		this.engineApi.as("mark", () -> {
			this.engine.getTaskService().claim(evaluation.getId(), "mark");
			return null;
		});
		String before = this.state.snapshot();
		for (String value : List.of("{\"value\":\"three\"}", "{\"value\":\"NaN\",\"type\":\"Double\"}",
				"{\"value\":\"Infinity\",\"type\":\"Double\"}", "{\"value\":\"[3]\",\"type\":\"Json\"}",
				"{\"value\":\"3\",\"type\":\"Json\"}")) {
			ResponseEntity<String> answer = post("mark", "/engine-rest/task/" + evaluation.getId() + "/submit-form",
					"{\"variables\":{\"strategicFit\":{\"value\":\"high\"},\"decision\":{\"value\":\"approve\"},"
							+ "\"valueToOrganisation\":" + value + "}}");
			assertThat(answer.getStatusCode()).as(value + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getBody()).contains("valueToOrganisation");
		}
		DenyByDefaultTests.assertUnchanged(this.state, before);
	}

	@Test
	void aChoiceIsTextNeverJson() {
		String code = this.lifecycle.request("Portfolio dashboard");
		Task evaluation = this.engineApi.task(code, Lifecycle.TASK_EVALUATE_NEED);
		this.engineApi.as("mark", () -> {
			this.engine.getTaskService().claim(evaluation.getId(), "mark");
			return null;
		});
		String before = this.state.snapshot();
		for (String[] field : List.of(new String[] { "strategicFit", "{\"value\":\"\\\"high\\\"\",\"type\":\"Json\"}" },
				new String[] { "decision", "{\"value\":\"\\\"approve\\\"\",\"type\":\"Json\"}" },
				new String[] { "decision", "{\"value\":1,\"type\":\"Integer\"}" })) {
			String fields = "\"strategicFit\":{\"value\":\"high\"},\"decision\":{\"value\":\"approve\"},"
					+ "\"valueToOrganisation\":{\"value\":3}";
			String submitted = fields.replaceFirst("\"" + field[0] + "\":\\{[^}]*}", "\"" + field[0] + "\":"
					+ java.util.regex.Matcher.quoteReplacement(field[1]));
			ResponseEntity<String> answer = post("mark", "/engine-rest/task/" + evaluation.getId() + "/submit-form",
					"{\"variables\":{" + submitted + "}}");
			assertThat(answer.getStatusCode()).as(submitted + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getBody()).contains(field[0]);
		}
		DenyByDefaultTests.assertUnchanged(this.state, before);
	}

	@Test
	void incompleteRequestsAreBadRequestsNotServerErrors() {
		for (String[] request : List.of(new String[] { "PUT", "/engine-rest/job/unknown/retries" },
				new String[] { "POST", "/engine-rest/migration/execute" },
				new String[] { "POST", "/engine-rest/group/create" },
				new String[] { "GET", "/engine-rest/task?firstResult=99999999999" },
				new String[] { "GET", "/engine-rest/task?firstResult=2147483647&maxResults=10" },
				new String[] { "GET", "/engine-rest/metrics?maxResults=100000" })) {
			ResponseEntity<String> answer = send("demo", HttpMethod.valueOf(request[0]), request[1], "{}");
			assertThat(answer.getStatusCode().is5xxServerError()).as(request[1] + ": " + answer.getBody()).isFalse();
		}
	}

	@Test
	void aRefusalIsForbiddenWhereverCamundaWrapsIt() {
		String decision = this.engine.getRepositoryService().createDecisionDefinitionQuery().list().get(0).getId();

		ResponseEntity<String> answer = send("paul", HttpMethod.GET, "/engine-rest/decision-definition/" + decision, null);

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void anUncaughtBpmnErrorFailsInsteadOfEndingTheLifecycle() {
		String code = this.lifecycle.request("Benefits tracking");
		Task evaluation = this.engineApi.task(code, Lifecycle.TASK_EVALUATE_NEED);
		String before = this.state.snapshot();

		// even an administrator, whom the allowlist does not rule
		ResponseEntity<String> answer = post("demo", "/engine-rest/task/" + evaluation.getId() + "/bpmnError",
				"{\"errorCode\":\"no-such-error\"}");

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getBody()).contains("no-such-error");
		DenyByDefaultTests.assertUnchanged(this.state, before);
	}

	@Test
	void variablesOfAnUnknownTypeAreRefused() {
		String before = this.state.snapshot();
		ResponseEntity<String> answer = post("paul", START,
				"{\"variables\":{" + REQUEST.replace("{\"value\":\"ADDITIONAL\"}", "{\"value\":\"ADDITIONAL\",\"type\":\"Mystery\"}") + "}}");

		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		DenyByDefaultTests.assertUnchanged(this.state, before);
	}

	private ResponseEntity<String> post(String person, String path, String body) {
		return send(person, HttpMethod.POST, path, body);
	}

	private ResponseEntity<String> send(String person, HttpMethod method, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.withBasicAuth(person, person)
			.exchange(path, method, (body != null) ? new HttpEntity<>(body, headers) : new HttpEntity<>(headers),
					String.class);
	}

}
