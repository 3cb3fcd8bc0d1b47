package org.pmo.servicelifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who is let in and who sees what: HTTP Basic on the APIs, the groups' grants in the engine (REST and Tasklist),
 * and the role matrix of the catalog API.
 */
class AccessControlTests extends WebTestSupport {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private ServiceCatalog catalog;


	@BeforeEach
	void createUsers() {
		this.organisation.ensureUser("olga", "Olga", "Outsider", "olga");
	}

	@Test
	void shouldRefuseAnonymousCallsAndAdmitValidCredentials() {
		assertThat(this.rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.getForEntity("/api/services", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);

		assertThat(this.rest.withBasicAuth("mark", "mark").getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.rest.withBasicAuth("mark", "mark").getForEntity("/api/services", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void analystNeitherSeesNorCompletesBoardTaskOverRest() {
		Task justification = atJustification("Portfolio prioritisation");

		List<Map<String, Object>> annasTasks = this.rest.withBasicAuth("anna", "anna")
			.exchange("/engine-rest/task?processInstanceBusinessKey={code}", HttpMethod.GET, null, JSON_ARRAY,
					justification.getProcessInstanceId())
			.getBody();
		ResponseEntity<Map<String, Object>> single = this.rest.withBasicAuth("anna", "anna")
			.exchange("/engine-rest/task/{id}", HttpMethod.GET, null, JSON_OBJECT, justification.getId());
		ResponseEntity<Map<String, Object>> claim = this.rest.withBasicAuth("anna", "anna")
			.exchange("/engine-rest/task/{id}/claim", HttpMethod.POST, new HttpEntity<>(Map.of("userId", "anna")),
					JSON_OBJECT, justification.getId());
		ResponseEntity<Map<String, Object>> completion = this.rest.withBasicAuth("anna", "anna")
			.exchange("/engine-rest/task/{id}/complete", HttpMethod.POST,
					new HttpEntity<>(Map.of("variables", Map.of("decision", Map.of("value", "approve")))), JSON_OBJECT,
					justification.getId());
		List<Map<String, Object>> sarasTasks = this.rest.withBasicAuth("sara", "sara")
			.exchange("/engine-rest/task?taskDefinitionKey={key}", HttpMethod.GET, null, JSON_ARRAY,
					Lifecycle.TASK_JUSTIFY_SERVICE)
			.getBody();

		assertThat(tasksOf(annasTasks)).doesNotContain(justification.getId());
		assertThat(this.rest.withBasicAuth("anna", "anna")
			.exchange("/engine-rest/task?taskDefinitionKey={key}", HttpMethod.GET, null, JSON_ARRAY,
					Lifecycle.TASK_JUSTIFY_SERVICE)
			.getBody()).isEmpty();
		assertThat(single.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(this.rest.withBasicAuth("anna", "anna")
			.exchange("/engine-rest/task/count?taskDefinitionKey={key}", HttpMethod.GET, null, JSON_OBJECT,
					Lifecycle.TASK_JUSTIFY_SERVICE)
			.getBody()).containsEntry("count", 0);
		for (String readPath : List.of("/engine-rest/task/{id}/variables", "/engine-rest/task/{id}/form-variables",
				"/engine-rest/task/{id}/identity-links")) {
			assertThat(this.rest.withBasicAuth("anna", "anna")
				.exchange(readPath, HttpMethod.GET, null, String.class, justification.getId())
				.getStatusCode()).as(readPath).isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(this.rest.withBasicAuth("sara", "sara")
			.exchange("/engine-rest/task/{id}/variables", HttpMethod.GET, null, String.class, justification.getId())
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(completion.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.engineApi.task(this.codeOf(justification), Lifecycle.TASK_JUSTIFY_SERVICE)).isNotNull();
		assertThat(tasksOf(sarasTasks)).contains(justification.getId());
		// administrators see every task, also where none of their groups is a candidate
		this.organisation.ensureUser("ada", "Ada", "Admin", "ada", Groups.CAMUNDA_ADMIN);
		assertThat(tasksOf(this.rest.withBasicAuth("ada", "ada")
			.exchange("/engine-rest/task?taskDefinitionKey={key}", HttpMethod.GET, null, JSON_ARRAY,
					Lifecycle.TASK_JUSTIFY_SERVICE)
			.getBody())).contains(justification.getId());
		assertThat(((Number) this.rest.withBasicAuth("ada", "ada")
			.exchange("/engine-rest/task/count", HttpMethod.GET, null, JSON_OBJECT)
			.getBody()
			.get("count")).longValue()).isEqualTo(this.engine.getTaskService().createTaskQuery().count());
	}

	@Test
	void openTasksAddNoAuthorizationRowsPerGroup() {
		AuthorizationService authorizations = this.engine.getAuthorizationService();
		long before = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).count();

		Task first = atJustification("Benefits tracking");
		Task second = atJustification("Lessons learned library");

		// the inbox rests on the lifecycle definition's task rights, so open tasks leave the table as it was
		assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).count()).isEqualTo(before);
		assertThat(authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(first.getId())
			.groupIdIn(Groups.PORTFOLIO_BOARD)
			.count()).isZero();
		List<Map<String, Object>> sarasTasks = this.rest.withBasicAuth("sara", "sara")
			.exchange("/engine-rest/task?candidateGroup={group}&includeAssignedTasks=true", HttpMethod.GET, null,
					JSON_ARRAY, Groups.PORTFOLIO_BOARD)
			.getBody();
		assertThat(tasksOf(sarasTasks)).contains(first.getId(), second.getId());
		// a board member may take either of them; the analyst who designed them sees neither
		ResponseEntity<Map<String, Object>> claim = this.rest.withBasicAuth("sara", "sara")
			.exchange("/engine-rest/task/{id}/claim", HttpMethod.POST, new HttpEntity<>(Map.of("userId", "sara")),
					JSON_OBJECT, second.getId());
		assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(tasksOf(this.rest.withBasicAuth("anna", "anna")
			.exchange("/engine-rest/task?candidateGroup={group}&includeAssignedTasks=true", HttpMethod.GET, null,
					JSON_ARRAY, Groups.PORTFOLIO_BOARD)
			.getBody())).doesNotContain(first.getId(), second.getId());
	}

	@Test
	void theLoserOfASameTaskRaceIsToldOfTheConflictNotRefused() throws Exception {
		this.organisation.ensureUser("mia", "Mia", "Novak", "mia", Groups.PMO_MANAGERS);
		String fields = "{\"variables\":{\"strategicFit\":{\"value\":\"high\"},\"valueToOrganisation\":{\"value\":4},"
				+ "\"decision\":{\"value\":\"approve\"}}}";
		ExecutorService approvers = Executors.newFixedThreadPool(2);
		try {
			for (int race = 0; race < 12; race++) {
				String code = this.lifecycle.request("Race " + race);
				Task evaluation = this.engineApi.task(code, Lifecycle.TASK_EVALUATE_NEED);
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<HttpStatusCode>> answers = new ArrayList<>();
				for (String manager : List.of("mark", "mia")) {
					answers.add(approvers.submit(() -> {
						start.await();
						return this.rest.withBasicAuth(manager, manager)
							.exchange("/engine-rest/task/{id}/complete", HttpMethod.POST, jsonBody(fields), String.class,
									evaluation.getId())
							.getStatusCode();
					}));
				}
				List<HttpStatusCode> statuses = new ArrayList<>();
				for (Future<HttpStatusCode> answer : answers) {
					statuses.add(answer.get(60, TimeUnit.SECONDS));
				}

				// one completion; the other approver hears that someone was quicker, never that he may not
				assertThat(statuses).as(code).containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
				assertThat(this.engine.getTaskService()
					.createTaskQuery()
					.processInstanceBusinessKey(code)
					.taskDefinitionKey(Lifecycle.TASK_DESIGN_SERVICE)
					.count()).as(code).isEqualTo(1);
			}
		}
		finally {
			approvers.shutdownNow();
		}
	}

	@Test
	void aTaskCompletedByACandidateWhileAnotherHeldItIsAConflictForTheOther() throws Exception {
		this.organisation.ensureUser("mia", "Mia", "Novak", "mia", Groups.PMO_MANAGERS);
		String code = this.lifecycle.request("Late approver");
		Task evaluation = this.engineApi.task(code, Lifecycle.TASK_EVALUATE_NEED);
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();

		try {
			// mia's command has read the task; mark completes it before her candidacy is looked at
			assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute((context) -> {
				// signed in within the command, which the allowlist would not admit as hers
				this.engine.getIdentityService().setAuthentication("mia", List.of(Groups.PMO_MANAGERS));
				TaskEntity held = context.getTaskManager().findTaskById(evaluation.getId());
				CompletableFuture.runAsync(() -> this.lifecycle.evaluateNeed(code, Decision.APPROVE)).orTimeout(60, TimeUnit.SECONDS).join();
				configuration.getCommandCheckers().forEach((checker) -> checker.checkTaskWork(held));
				return null;
			})).isInstanceOf(OptimisticLockingException.class);
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
		assertThat(this.engineApi.task(code, Lifecycle.TASK_DESIGN_SERVICE)).isNotNull();
	}

	private static HttpEntity<String> jsonBody(String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(json, headers);
	}

	@Test
	void analystSeesNoBoardTaskInTasklist() {
		Task justification = atJustification("Methodology office hours");
		String boardFilter = filterId("Portfolio board's tasks");
		String groupsFilter = filterId("My groups' tasks");

		WebappSession anna = WebappSession.login(this.port, "anna", "anna");
		HttpResponse<String> viaGroups = anna.postJson(
				"/camunda/api/engine/engine/default/filter/" + groupsFilter + "/list?firstResult=0&maxResults=50", "{}");
		HttpResponse<String> viaBoard = anna.postJson(
				"/camunda/api/engine/engine/default/filter/" + boardFilter + "/list?firstResult=0&maxResults=50", "{}");
		HttpResponse<String> direct = anna
			.get("/camunda/api/engine/engine/default/task?taskDefinitionKey=" + Lifecycle.TASK_JUSTIFY_SERVICE);

		assertThat(viaGroups.statusCode()).as(viaGroups.headers().map() + " " + anna.cookieNames()).isEqualTo(200);
		assertThat(viaGroups.body()).doesNotContain(justification.getId());
		assertThat(viaBoard.statusCode()).as(viaBoard.body()).isEqualTo(403);
		assertThat(direct.statusCode()).isEqualTo(200);
		assertThat(direct.body()).isEqualTo("[]");

		WebappSession sara = WebappSession.login(this.port, "sara", "sara");
		HttpResponse<String> sarasInbox = sara.postJson(
				"/camunda/api/engine/engine/default/filter/" + groupsFilter + "/list?firstResult=0&maxResults=50", "{}");
		assertThat(sarasInbox.statusCode()).isEqualTo(200);
		assertThat(sarasInbox.body()).contains(justification.getId());
	}

	@Test
	void onlyMembersOfTheGroupsUseTheCatalogApi() {
		ResponseEntity<Map<String, Object>> outsiderReads = this.rest.withBasicAuth("olga", "olga")
			.exchange("/api/services", HttpMethod.GET, null, JSON_OBJECT);
		ResponseEntity<Map<String, Object>> outsiderRequests = this.rest.withBasicAuth("olga", "olga")
			.exchange("/api/services", HttpMethod.POST, new HttpEntity<>(Map.of("name", "x", "description", "x",
					"customerSegments", List.of("END_USERS"))), JSON_OBJECT);
		long before = this.catalog.list(null, 0, 500).size();

		assertThat(outsiderReads.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) outsiderReads.getBody().get("detail")).contains("olga", "read the service catalog");
		assertThat(outsiderRequests.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.catalog.list(null, 0, 500)).hasSize((int) before);
		for (String user : List.of("paul", "anna", "mark", "sara", "demo")) {
			assertThat(this.rest.withBasicAuth(user, user).getForEntity("/api/services", String.class).getStatusCode())
				.as(user)
				.isEqualTo(HttpStatus.OK);
		}
	}

	@Test
	void onlyRequestersStartLifecycles() {
		String definitionId = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(ServiceLifecycleProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		Map<String, Object> start = Map.of("variables",
				Map.of("serviceName", Map.of("value", "Risk clinic"), "serviceDescription",
						Map.of("value", "Weekly clinic"), "customerSegments",
						Map.of("value", "[\"PROJECT_MANAGERS\"]", "type", "Json"), "offeringLevel",
						Map.of("value", "ADDITIONAL")));

		ResponseEntity<Map<String, Object>> outsider = this.rest.withBasicAuth("olga", "olga")
			.exchange("/engine-rest/process-definition/{id}/submit-form", HttpMethod.POST, new HttpEntity<>(start),
					JSON_OBJECT, definitionId);
		ResponseEntity<Map<String, Object>> customer = this.rest.withBasicAuth("paul", "paul")
			.exchange("/engine-rest/process-definition/{id}/submit-form", HttpMethod.POST, new HttpEntity<>(start),
					JSON_OBJECT, definitionId);

		assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(customer.getStatusCode()).as(String.valueOf(customer.getBody())).isEqualTo(HttpStatus.OK);
		String code = (String) customer.getBody().get("businessKey");
		assertThat(this.catalog.find(code).getRequestedBy()).isEqualTo("paul");
	}

	@Test
	void eachGroupReadsOnlyTheModelsItNeeds() {
		AuthorizationService authorizations = this.engine.getAuthorizationService();
		assertThat(authorizations.isUserAuthorized("paul", List.of(Groups.SERVICE_CUSTOMERS),
				ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, ServiceLifecycleProcess.KEY))
			.isTrue();
		assertThat(authorizations.isUserAuthorized("paul", List.of(Groups.SERVICE_CUSTOMERS),
				ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, ServiceLifecycleProcess.RETIREMENT_KEY))
			.isFalse();
		assertThat(authorizations.isUserAuthorized("sara", List.of(Groups.PORTFOLIO_BOARD),
				ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, ServiceLifecycleProcess.RETIREMENT_KEY))
			.isTrue();
		assertThat(authorizations.isUserAuthorized("sara", List.of(Groups.PORTFOLIO_BOARD),
				ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, ServiceLifecycleProcess.KEY))
			.isFalse();
		// Cockpit for operations (read only), Admin for administrators
		assertThat(authorizations.isUserAuthorized("mark", List.of(Groups.PMO_MANAGERS), Permissions.ACCESS,
				Resources.APPLICATION, "cockpit")).isTrue();
		assertThat(authorizations.isUserAuthorized("anna", List.of(Groups.PMO_ANALYSTS), Permissions.ACCESS,
				Resources.APPLICATION, "cockpit")).isFalse();
		assertThat(authorizations.isUserAuthorized("mark", List.of(Groups.PMO_MANAGERS), Permissions.ACCESS,
				Resources.APPLICATION, "admin")).isFalse();
		assertThat(authorizations.isUserAuthorized("demo", List.of(Groups.CAMUNDA_ADMIN), Permissions.ACCESS,
				Resources.APPLICATION, "admin")).isTrue();
	}

	@Test
	void managersRequestReviewsButMoveNoTokens() {
		String code = live("Earned value coaching");
		String lifecycle = this.catalog.find(code).getLifecycleInstanceId();
		Map<String, Object> message = Map.of("messageName", ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED,
				"businessKey", code, "processVariables", Map.of("reviewReason", Map.of("value", "SLA breach")));

		ResponseEntity<String> byAnalyst = this.rest.withBasicAuth("anna", "anna")
			.postForEntity("/engine-rest/message", message, String.class);
		ResponseEntity<String> byManager = this.rest.withBasicAuth("mark", "mark")
			.postForEntity("/engine-rest/message", message, String.class);
		ResponseEntity<String> modification = this.rest.withBasicAuth("mark", "mark")
			.postForEntity("/engine-rest/process-instance/{id}/modification",
					Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
							ServiceLifecycleProcess.Lifecycle.END_SERVICE_RETIRED))),
					String.class, lifecycle);
		ResponseEntity<String> rewrite = this.rest.withBasicAuth("mark", "mark")
			.postForEntity("/engine-rest/process-instance/{id}/variables",
					Map.of("modifications", Map.of("designedBy", Map.of("value", "nobody"))), String.class, lifecycle);

		assertThat(byAnalyst.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(byManager.getStatusCode().is2xxSuccessful()).as(byManager.getBody()).isTrue();
		assertThat(this.engineApi.task(code, Lifecycle.TASK_REVIEW_SERVICE)).isNotNull();
		assertThat(modification.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rewrite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.catalog.find(code).getStage()).isEqualTo(Stage.OPERATION);
		assertThat(this.engine.getRuntimeService().getVariable(lifecycle, "designedBy")).isEqualTo("anna");
	}

	private Task atJustification(String name) {
		String code = this.lifecycle.request(name);
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		this.lifecycle.design(code);
		return this.engineApi.task(code, Lifecycle.TASK_JUSTIFY_SERVICE);
	}

	private String live(String name) {
		String code = this.lifecycle.request(name);
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		this.lifecycle.design(code);
		this.lifecycle.justify(code, Decision.APPROVE);
		this.lifecycle.endPilot(code);
		this.lifecycle.reviewPilot(code, Decision.APPROVE);
		this.lifecycle.approveGoLive(code, Decision.APPROVE);
		return code;
	}

	private String codeOf(Task task) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey();
	}

	private String filterId(String name) {
		FilterService filters = this.engine.getFilterService();
		return filters.createTaskFilterQuery().filterName(name).singleResult().getId();
	}

	private static List<Object> tasksOf(List<Map<String, Object>> tasks) {
		return tasks.stream().map((t) -> t.get("id")).toList();
	}

}
