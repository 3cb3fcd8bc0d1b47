package org.pmo.servicelifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.ApiClient;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;

/**
 * Process owners move running lifecycles to a new model version over {@code /api/models}: the versions with their
 * running counts, a dry run with the engine's plan and what each instance would do, then the migration as an engine
 * batch with its report per instance and the consistency check. Tasks and timers keep their state, and a migrated
 * lifecycle goes on to operation on the new version.
 */
class LifecycleMigrationTests extends WebTestSupport {

	@Test
	void shouldDryRunThenMigrateEveryRunningLifecycleKeepingTasksAndTimers() {
		ApiClient olivia = new ApiClient("http://localhost:" + this.port, "olivia", "olivia");
		// given a business case waiting for the board and a live service waiting for its periodic review
		String waiting = this.lifecycle.request("Migrated business case " + System.nanoTime());
		this.lifecycle.evaluateNeed(waiting, Decision.APPROVE);
		this.lifecycle.design(waiting);
		String live = this.lifecycle.live("Migrated live service " + System.nanoTime());
		Task businessCase = task(waiting, Lifecycle.TASK_JUSTIFY_SERVICE);
		Job reviewTimer = this.engineApi.job(live, Lifecycle.EVENT_PERIODIC_REVIEW_DUE);
		Date reviewDue = reviewTimer.getDuedate();
		int from = definitionVersionOf(waiting);

		// and a changed lifecycle deployed from Modeler
		ModelFiles.deploy(olivia, Map.of("pmo-service-lifecycle.bpmn",
				ModelFiles.changedLifecycle().getBytes(StandardCharsets.UTF_8))).expect(200);
		try {
			JsonNode lifecycleModel = ApiClient.list(olivia.get("/api/models").expect(200).body())
				.stream()
				.filter((model) -> model.path("processKey").asText().equals(ServiceLifecycleProcess.KEY))
				.findFirst()
				.orElseThrow();
			int to = lifecycleModel.path("versions").get(0).path("version").asInt();
			assertThat(to).isGreaterThan(from);
			assertThat(lifecycleModel.path("versions").get(0).path("running").asLong()).isZero();
			assertThat(ApiClient.list(lifecycleModel.path("versions"))).anySatisfy((version) -> {
				assertThat(version.path("version").asInt()).isEqualTo(from);
				assertThat(version.path("running").asLong()).isGreaterThanOrEqualTo(2);
			});

			// when she asks for a dry run: the plan maps the waiting steps, and nothing moves
			JsonNode dryRun = olivia.post("/api/models/migrations",
					Map.of("processKey", ServiceLifecycleProcess.KEY, "fromVersion", from, "toVersion", to))
				.expect(200)
				.body();
			assertThat(dryRun.path("valid").asBoolean()).as(dryRun.toString()).isTrue();
			assertThat(ApiClient.list(dryRun.path("instructions"))).extracting((i) -> i.path("from").asText())
				.contains(Lifecycle.TASK_JUSTIFY_SERVICE, Lifecycle.SUBPROCESS_OPERATE_SERVICE);
			assertThat(ApiClient.list(dryRun.path("instances"))).extracting((i) -> i.path("instanceId").asText())
				.contains(businessCase.getProcessInstanceId(), reviewTimer.getProcessInstanceId());
			assertThat(definitionVersionOf(waiting)).isEqualTo(from);

			// then migrates: a batch, run to its end
			JsonNode started = olivia.post("/api/models/migrations",
					Map.of("processKey", ServiceLifecycleProcess.KEY, "fromVersion", from, "toVersion", to, "dryRun", false))
				.expect(202)
				.body();
			String batchId = started.path("batchId").asText();
			assertThat(started.path("done").asBoolean()).isFalse();
			EngineBatches.runToTheEnd(this.engine.getManagementService());
			JsonNode report = olivia.get("/api/models/migrations/" + batchId).expect(200).body();
			assertThat(report.path("done").asBoolean()).isTrue();
			assertThat(ApiClient.list(report.path("instances"))).isNotEmpty()
				.allSatisfy((instance) -> assertThat(instance.path("state").asText()).isEqualTo("MIGRATED"));
			assertThat(report.path("consistency").path("consistent").asBoolean()).as(report.toString()).isTrue();

			// the task and the timer kept their state on the new version
			assertThat(definitionVersionOf(waiting)).isEqualTo(to);
			assertThat(definitionVersionOf(live)).isEqualTo(to);
			assertThat(task(waiting, Lifecycle.TASK_JUSTIFY_SERVICE).getId()).isEqualTo(businessCase.getId());
			assertThat(this.engineApi.job(live, Lifecycle.EVENT_PERIODIC_REVIEW_DUE).getDuedate()).isEqualTo(reviewDue);

			// and the migrated lifecycle goes on to operation through the new step
			this.lifecycle.justify(waiting, Decision.APPROVE);
			this.lifecycle.endPilot(waiting);
			this.lifecycle.reviewPilot(waiting, Decision.APPROVE);
			this.lifecycle.approveGoLive(waiting, Decision.APPROVE);
			assertThat(olivia.get("/api/models/migrations/" + batchId).status()).isEqualTo(200);
			assertThat(new ApiClient("http://localhost:" + this.port, "mark", "mark").stage(waiting))
				.isEqualTo(Stage.OPERATION.name());
			assertThat(this.engine.getHistoryService()
				.createHistoricActivityInstanceQuery()
				.processInstanceId(businessCase.getProcessInstanceId())
				.activityId("Task_AnnounceService")
				.count()).isEqualTo(1);
		}
		finally {
			ModelFiles.deploy(olivia, ModelFiles.shippedFiles()).expect(200);
		}
	}

	@Test
	void shouldRefuseBadRequestsAndEverybodyButProcessOwners() {
		ApiClient olivia = new ApiClient("http://localhost:" + this.port, "olivia", "olivia");
		for (String person : List.of("anna", "mark", "sara", "paul")) {
			ApiClient client = new ApiClient("http://localhost:" + this.port, person, person);
			assertThat(client.get("/api/models").status()).as(person).isEqualTo(403);
			assertThat(client.post("/api/models/migrations", Map.of("processKey", ServiceLifecycleProcess.KEY,
					"fromVersion", 1, "dryRun", false)).status()).as(person).isEqualTo(403);
		}
		assertThat(field(olivia.post("/api/models/migrations", Map.of("fromVersion", 1)))).isEqualTo("processKey");
		assertThat(field(olivia.post("/api/models/migrations", Map.of("processKey", "pmo-expenses", "fromVersion", 1))))
			.isEqualTo("processKey");
		assertThat(field(olivia.post("/api/models/migrations", Map.of("processKey", ServiceLifecycleProcess.KEY))))
			.isEqualTo("fromVersion");
		assertThat(field(olivia.post("/api/models/migrations",
				Map.of("processKey", ServiceLifecycleProcess.KEY, "fromVersion", 9999)))).isEqualTo("fromVersion");
		assertThat(field(olivia.post("/api/models/migrations",
				Map.of("processKey", ServiceLifecycleProcess.KEY, "fromVersion", "one")))).isEqualTo("fromVersion");
		assertThat(olivia.get("/api/models/migrations/no-such-batch").status()).isEqualTo(404);
	}

	private static String field(ApiClient.Response answer) {
		return answer.expect(400).body().path("errors").get(0).path("field").asText();
	}

	private Task task(String code, String key) {
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey(key)
			.singleResult();
	}

	private int definitionVersionOf(String code) {
		String definitionId = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(code)
			.processDefinitionKey(ServiceLifecycleProcess.KEY)
			.singleResult()
			.getProcessDefinitionId();
		return this.engine.getRepositoryService().getProcessDefinition(definitionId).getVersion();
	}

}
