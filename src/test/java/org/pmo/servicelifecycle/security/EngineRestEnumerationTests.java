package org.pmo.servicelifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.engine.EngineAllowlist;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every endpoint of Camunda's REST API, read from its own OpenAPI document: each one that changes state is refused to
 * every person who is not an administrator unless the allowlist names it, and all of them together change nothing.
 * An endpoint a later Camunda adds shows up here by itself.
 */
class EngineRestEnumerationTests extends WebTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Camunda's REST layer refuses some requests before any command runs: an empty body, an id nobody may see. Either
	 * way nothing runs; the requests with real bodies are in {@link DenyByDefaultTests}, and each answer is 403 there.
	 */
	private static final Set<Integer> REFUSED_BEFORE_THE_ENGINE = Set.of(400, 404, 405, 415);

	/** Bodies for endpoints that would otherwise do nothing at all with an empty one. */
	private static final Map<String, String> BODIES = Map.of("POST /process-instance/{id}/modification",
			"{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_OperateService\"}]}",
			"POST /process-instance/{id}/modification-async",
			"{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_OperateService\"}]}");

	private final Map<String, String> ids = new LinkedHashMap<>();

	@BeforeEach
	void setUp() {
		String live = this.lifecycle.request("Monthly portfolio report");
		this.lifecycle.evaluateNeed(live, Decision.APPROVE);
		this.lifecycle.design(live);
		this.lifecycle.justify(live, Decision.APPROVE);
		this.lifecycle.endPilot(live);
		this.lifecycle.reviewPilot(live, Decision.APPROVE);
		this.lifecycle.approveGoLive(live, Decision.APPROVE);
		String pending = this.lifecycle.request("Stage-gate assurance review");
		Task evaluation = this.engineApi.task(pending, Lifecycle.TASK_EVALUATE_NEED);
		String instance = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(live)
			.processDefinitionKey(ServiceLifecycleProcess.KEY)
			.singleResult()
			.getId();
		var job = this.engine.getManagementService().createJobQuery().processInstanceId(instance).list().get(0);
		this.ids.put("task", evaluation.getId());
		this.ids.put("process-instance", instance);
		this.ids.put("history/process-instance", instance);
		this.ids.put("execution", this.engine.getRuntimeService()
			.createExecutionQuery()
			.processInstanceId(instance)
			.activityId(Lifecycle.TASK_OPERATE_SERVICE)
			.singleResult()
			.getId());
		this.ids.put("job", job.getId());
		this.ids.put("job-definition", job.getJobDefinitionId());
		this.ids.put("process-definition", evaluation.getProcessDefinitionId());
		this.ids.put("deployment", this.engine.getRepositoryService().createDeploymentQuery().list().get(0).getId());
		this.ids.put("decision-definition",
				this.engine.getRepositoryService().createDecisionDefinitionQuery().list().get(0).getId());
		this.ids.put("filter", this.engine.getFilterService().createFilterQuery().list().get(0).getId());
		this.ids.put("authorization",
				this.engine.getAuthorizationService().createAuthorizationQuery().list().get(0).getId());
		this.ids.put("variable-instance", this.engine.getRuntimeService()
			.createVariableInstanceQuery()
			.processInstanceIdIn(instance)
			.list()
			.get(0)
			.getId());
		this.ids.put("history/variable-instance", this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance)
			.list()
			.get(0)
			.getId());
		this.ids.put("user", "demo");
		this.ids.put("group", "camunda-admin");
	}

	@Test
	void everyStateChangingEndpointIsRefusedUnlessTheAllowlistNamesIt() throws IOException {
		JsonNode paths = openApi().path("paths");
		Set<String> allowed = EngineAllowlist.PERMITS.values()
			.stream()
			.flatMap((permit) -> permit.endpoints().stream())
			.collect(Collectors.toSet());
		Set<String> documented = new TreeSet<>();
		List<String> wrong = new ArrayList<>();
		int refusals = 0;
		int forbidden = 0;
		EngineState state = new EngineState(this.engine, this.jdbc);
		String before = state.snapshot();
		for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
			Map.Entry<String, JsonNode> path = p.next();
			for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext();) {
				Map.Entry<String, JsonNode> operation = o.next();
				String method = operation.getKey().toUpperCase();
				documented.add(method + " " + path.getKey());
				if (!changesState(method, path.getKey(), paths)
						|| allowed.contains(method + " " + path.getKey())) {
					continue;
				}
				String body = BODIES.getOrDefault(method + " " + path.getKey(), "{}");
				for (String person : DenyByDefaultTests.PEOPLE) {
					ResponseEntity<String> answer = send(person, HttpMethod.valueOf(method), fill(path.getKey(), person),
							body);
					int status = answer.getStatusCode().value();
					boolean refused = status == 403 || REFUSED_BEFORE_THE_ENGINE.contains(status);
					forbidden += (status == 403) ? 1 : 0;
					if (!refused) {
						wrong.add(person + " " + method + " " + path.getKey() + " -> " + status + " " + answer.getBody());
					}
					refusals++;
				}
			}
		}
		assertThat(wrong).as("state-changing endpoints not refused").isEmpty();
		assertThat(refusals).as("requests sent").isGreaterThan(4 * 100);
		assertThat(forbidden).as("refused by the allowlist itself").isGreaterThan(refusals / 2);
		assertThat(documented).as("the allowlist names real endpoints").containsAll(allowed);
		DenyByDefaultTests.assertUnchanged(state, before);
	}

	@Test
	void noReadAnswersWithAServerError() throws IOException {
		JsonNode paths = openApi().path("paths");
		List<String> failures = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
			Map.Entry<String, JsonNode> path = p.next();
			for (Iterator<String> o = path.getValue().fieldNames(); o.hasNext();) {
				String method = o.next().toUpperCase();
				if (!"GET".equals(method)) {
					continue;
				}
				for (String person : DenyByDefaultTests.PEOPLE) {
					ResponseEntity<String> answer = send(person, HttpMethod.GET, fill(path.getKey(), person), null);
					if (answer.getStatusCode().is5xxServerError()) {
						failures.add(person + " GET " + path.getKey() + " -> " + answer.getStatusCode().value() + " "
								+ answer.getBody());
					}
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	/** Whatever is not a read: a POST is a read only where it is a query with a GET of the same path, or a filter run. */
	private static boolean changesState(String method, String path, JsonNode paths) {
		return switch (method) {
			case "GET", "OPTIONS", "HEAD" -> false;
			case "POST" -> !(paths.path(path).has("get") || path.matches("/filter/\\{id}/(list|count|singleResult)"));
			default -> true;
		};
	}

	private String fill(String path, String person) {
		String filled = path;
		String resource = path.startsWith("/history/") ? "history/" + path.split("/")[2] : path.split("/")[1];
		filled = filled.replace("{id}", this.ids.getOrDefault(resource, "unknown-id"));
		filled = filled.replace("{key}", path.startsWith("/decision-definition") ? "service-value"
				: ServiceLifecycleProcess.KEY);
		filled = filled.replace("{tenant-id}", "no-tenant");
		filled = filled.replace("{varName}", ServiceLifecycleProcess.Variables.REVIEW_CYCLE);
		filled = filled.replace("{messageName}", ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED);
		filled = filled.replace("{userId}", person);
		filled = filled.replace("{groupId}", "camunda-admin");
		return filled.replaceAll("\\{[^}]+}", "unknown-id");
	}

	private ResponseEntity<String> send(String person, HttpMethod method, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		HttpEntity<String> request = (body == null) ? new HttpEntity<>(headers) : new HttpEntity<>(body, headers);
		return this.rest.withBasicAuth(person, person).exchange("/engine-rest" + path, method, request, String.class);
	}

	private static JsonNode openApi() throws IOException {
		try (InputStream document = EngineRestEnumerationTests.class.getResourceAsStream("/openapi.json")) {
			assertThat(document).as("openapi.json of camunda-engine-rest-openapi").isNotNull();
			return JSON.readTree(document);
		}
	}

}
