package org.pmo.servicelifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.LoopCardinality;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.ApiClient;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.demo.LifecycleForms;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;

/**
 * Process owners deploy as Camunda Modeler does, over the real endpoint: one changed file, a model with its forms,
 * or every file, each with duplicate filtering and "deploy changed only", and each leaves lifecycles that reach
 * operation on the new version. What would break lifecycles, slip past the four-eyes principle or run code is
 * refused with 400 and every problem, and nothing is deployed. Nobody else deploys, and process owners do none of
 * the approvers' work.
 */
class ModelDeploymentTests extends WebTestSupport {

	private static final Path BPMN = ModelFiles.BPMN;

	private static final Path FORMS = ModelFiles.FORMS;

	private static final Path DMN = ModelFiles.DMN;

	private static final String LIFECYCLE_FILE = ModelFiles.LIFECYCLE_FILE;

	@Test
	void shouldAnswerModelersConnectionCheckOnlyToThoseWhoDeploy() {
		assertThat(client("olivia").get("/engine-rest/deployment?maxResults=0").status()).isEqualTo(200);
		assertThat(client("anna").get("/engine-rest/deployment?maxResults=0").status()).isEqualTo(403);
		assertThat(client("sara").get("/engine-rest/deployment?maxResults=0").status()).isEqualTo(403);
		assertThat(client("paul").get("/engine-rest/deployment?maxResults=0").status()).isEqualTo(403);
	}

	@Test
	void shouldDeployEachOfModelersVariantsAndLeaveWorkingLifecycles() {
		ApiClient olivia = client("olivia");

		// one changed file: the forms and decisions it binds by latest are those deployed before
		JsonNode one = ModelFiles.deploy(olivia, Map.of(LIFECYCLE_FILE, ModelFiles.changedLifecycle().getBytes(StandardCharsets.UTF_8)))
			.expect(200)
			.body();
		assertThat(one.path("deployedProcessDefinitions").size()).isEqualTo(1);
		assertThat(one.path("source").asText()).isEqualTo("Camunda Modeler");
		ProcessDefinition changed = latestLifecycle();
		assertThat(changed.getDeploymentId()).isEqualTo(one.path("id").asText());
		assertLifecycleReachesOperation(changed, "Deployed alone " + System.nanoTime());

		// the model with its forms: nothing changed, nothing new, and lifecycles still run on the changed version
		Map<String, byte[]> withForms = new LinkedHashMap<>();
		withForms.put(LIFECYCLE_FILE, ModelFiles.changedLifecycle().getBytes(StandardCharsets.UTF_8));
		ModelFiles.files(FORMS).forEach((form) -> withForms.put(form.getFileName().toString(), ModelFiles.bytes(form)));
		ModelFiles.deploy(olivia, withForms).expect(200);
		assertThat(latestLifecycle().getId()).isEqualTo(changed.getId());
		assertLifecycleReachesOperation(changed, "Deployed with forms " + System.nanoTime());

		// a form with other words: deployed, and the next lifecycles show it
		String reworded = ModelFiles.read(FORMS.resolve("justify-service.form"))
			.replaceFirst("\"label\": \"Comment for the record\"", "\"label\": \"The board's comment, for the record\"");
		assertThat(reworded).isNotEqualTo(ModelFiles.read(FORMS.resolve("justify-service.form")));
		ModelFiles.deploy(olivia, Map.of("justify-service.form", reworded.getBytes(StandardCharsets.UTF_8))).expect(200);

		// the model as another tool writes it (BPMN's defaults spelled out), with a task renamed
		String rewritten = withApproval((model, approval) -> approval.setName("Approve the go-live"));
		ModelFiles.deploy(olivia, Map.of(LIFECYCLE_FILE, rewritten.getBytes(StandardCharsets.UTF_8))).expect(200);
		assertThat(latestLifecycle().getId()).isNotEqualTo(changed.getId());

		// every file, as shipped: the lifecycle returns to the shipped model as a new version
		ModelFiles.deploy(olivia, ModelFiles.shippedFiles()).expect(200);
		ProcessDefinition shipped = latestLifecycle();
		assertThat(shipped.getVersion()).isGreaterThan(changed.getVersion());
		assertLifecycleReachesOperation(shipped, "Deployed as shipped " + System.nanoTime());
	}

	private void assertLifecycleReachesOperation(ProcessDefinition definition, String name) {
		String code = this.lifecycle.live(name);
		assertThat(this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(code)
			.processDefinitionKey(ServiceLifecycleProcess.KEY)
			.singleResult()
			.getProcessDefinitionId()).isEqualTo(definition.getId());
		assertThat(client("mark").stage(code)).isEqualTo(Stage.OPERATION.name());
		boolean renamed = ModelFiles.read(BPMN.resolve(LIFECYCLE_FILE)).contains("Approve the business case")
				|| this.engine.getRepositoryService().getBpmnModelInstance(definition.getId())
					.getModelElementById("Task_AnnounceService") != null;
		List<HistoricTaskInstance> businessCase = this.engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey(ServiceLifecycleProcess.Lifecycle.TASK_JUSTIFY_SERVICE)
			.list();
		assertThat(businessCase).singleElement()
			.satisfies((task) -> assertThat(task.getName())
				.isEqualTo(renamed ? "Approve the business case" : "Approve business case"));
	}

	@Test
	void shouldRefuseWhatWouldBreakLifecyclesOrSlipPastTheirRulesWithEveryProblem() {
		ApiClient olivia = client("olivia");
		String lifecycle = ModelFiles.read(BPMN.resolve(LIFECYCLE_FILE));
		long deployments = this.engine.getRepositoryService().createDeploymentQuery().count();

		Map<String, String> refusedFor = new LinkedHashMap<>();
		refusedFor.put("user task 'Task_JustifyService' is missing: the four-eyes principle is tied to it",
				lifecycle.replace("\"Task_JustifyService\"", "\"Task_BoardApproval\""));
		refusedFor.put("names the stage 'LAUNCH'", lifecycle.replace("value=\"DESIGN\"", "value=\"LAUNCH\""));
		refusedFor.put("names the candidate group 'service-desk', which does not exist",
				lifecycle.replace("camunda:candidateGroups=\"portfolio-board\"", "camunda:candidateGroups=\"service-desk\""));
		refusedFor.put("shows the form 'justify-service-v2', which is neither in this deployment nor deployed",
				lifecycle.replace("camunda:formRef=\"justify-service\"", "camunda:formRef=\"justify-service-v2\""));
		refusedFor.put("to its own deployment: bind it by latest",
				lifecycle.replaceFirst("camunda:formRefBinding=\"latest\"", "camunda:formRefBinding=\"deployment\""));
		refusedFor.put("'Event_PilotPeriodOver' (stage PILOT) can be reached without passing 'Task_JustifyService'",
				lifecycle.replace("sourceRef=\"Task_DesignService\" targetRef=\"Task_JustifyService\"",
						"sourceRef=\"Task_DesignService\" targetRef=\"Gateway_PilotMerge\""));
		refusedFor.put("'Task_EvaluateNeed' (stage OPERATION) can be reached without passing 'Task_JustifyService'",
				lifecycle.replace("value=\"PROPOSED\"", "value=\"OPERATION\""));
		refusedFor.put("'SubProcess_OperateService' (stage OPERATION) can be reached without passing 'Task_ApproveGoLive'",
				lifecycle.replace("<bpmn:boundaryEvent id=\"Event_GoLiveApprovalOverdue\" name=\"Go-live approval overdue\" cancelActivity=\"false\"",
						"<bpmn:boundaryEvent id=\"Event_GoLiveApprovalOverdue\" name=\"Go-live approval overdue\" cancelActivity=\"true\"")
					.replace("<bpmn:boundaryEvent id=\"Event_GoLiveApprovalOverdue\"",
							"<bpmn:sequenceFlow id=\"Flow_Skip\" sourceRef=\"Event_GoLiveApprovalOverdue\" targetRef=\"Gateway_OperationMerge\" />\n    <bpmn:boundaryEvent id=\"Event_GoLiveApprovalOverdue\""));
		refusedFor.put("'Task_ApproveGoLive' differs from the shipped model in more than its name (camunda:candidateGroups: portfolio-board → pmo-managers)",
				lifecycle.replace("id=\"Task_ApproveGoLive\" name=\"Approve go-live\" camunda:formRef=\"approve-go-live\" camunda:formRefBinding=\"latest\" camunda:candidateGroups=\"portfolio-board\"",
						"id=\"Task_ApproveGoLive\" name=\"Approve go-live\" camunda:formRef=\"approve-go-live\" camunda:formRefBinding=\"latest\" camunda:candidateGroups=\"pmo-managers\""));
		refusedFor.put("'Task_Shell' is a new serviceTask with settings of its own", lifecycle.replace("<bpmn:userTask id=\"Task_JustifyService\"",
				"<bpmn:serviceTask id=\"Task_Shell\" camunda:type=\"shell\" />\n    <bpmn:userTask id=\"Task_JustifyService\""));
		refusedFor.put("'Task_Embedded' is a new userTask", lifecycle.replace("<bpmn:userTask id=\"Task_JustifyService\"",
				"<bpmn:userTask id=\"Task_Embedded\" camunda:formKey=\"embedded:deployment:pmo-service-lifecycle.bpmn\" />\n    <bpmn:userTask id=\"Task_JustifyService\""));
		refusedFor.put("'Task_DesignService' differs from the shipped model in more than its name (camunda:candidateUsers: none → olivia)", lifecycle.replace("camunda:candidateGroups=\"pmo-analysts\"",
				"camunda:candidateGroups=\"pmo-analysts\" camunda:candidateUsers=\"olivia\""));
		refusedFor.put("'Flow_ReviewContinue' differs from the shipped model",
				lifecycle.replace("${reviewOutcome == 'continue'}", "&#36;{identityService.createMembership('olivia','camunda-admin')}"));
		refusedFor.put("'Task_ApproveGoLive' differs from the shipped model in more than its name (its extensions, event definitions or conditions)", withApproval((model, approval) -> {
			MultiInstanceLoopCharacteristics none = model.newInstance(MultiInstanceLoopCharacteristics.class);
			LoopCardinality cardinality = model.newInstance(LoopCardinality.class);
			cardinality.setTextContent("0");
			none.setLoopCardinality(cardinality);
			approval.setLoopCharacteristics(none);
		}));
		refusedFor.put("(its extensions, event definitions or conditions): its kind", withApproval((model, approval) -> {
			CamundaInputOutput mapping = approval.getExtensionElements().addExtensionElement(CamundaInputOutput.class);
			CamundaInputParameter designers = model.newInstance(CamundaInputParameter.class);
			designers.setCamundaName("designers");
			mapping.addChildElement(designers);
		}));
		refusedFor.put("process 'pmo-expenses' is not one of the lifecycle's models",
				lifecycle.replace("id=\"pmo-service-lifecycle\"", "id=\"pmo-expenses\""));
		for (Map.Entry<String, String> refusal : refusedFor.entrySet()) {
			ApiClient.Response refused = ModelFiles.deploy(olivia,
					Map.of(LIFECYCLE_FILE, refusal.getValue().getBytes(StandardCharsets.UTF_8)));
			assertThat(refused.status()).as(refusal.getKey()).isEqualTo(400);
			JsonNode answer = refused.body();
			assertThat(answer.path("type").asText()).isEqualTo("DeploymentRefused");
			assertThat(ApiClient.list(answer.path("problems"))).extracting(JsonNode::asText)
				.as(refusal.getKey())
				.anySatisfy((problem) -> assertThat(problem).startsWith(LIFECYCLE_FILE + ": ").contains(refusal.getKey()));
		}

		// code in a model: a script, a class of somebody else's
		String withScript = lifecycle.replace("<bpmn:sequenceFlow id=\"Flow_GoLiveDecided\"",
				"<bpmn:scriptTask id=\"Task_Run\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>\n"
						+ "    <bpmn:sequenceFlow id=\"Flow_GoLiveDecided\"");
		assertThat(problems(ModelFiles.deploy(olivia, Map.of(LIFECYCLE_FILE, withScript.getBytes(StandardCharsets.UTF_8)))))
			.anySatisfy((problem) -> assertThat(problem).contains("'Task_Run' is a new scriptTask"));
		String withClass = lifecycle.replace("<bpmn:userTask id=\"Task_JustifyService\"",
				"<bpmn:serviceTask id=\"Task_Foreign\" camunda:class=\"com.example.Exploit\" />\n    <bpmn:userTask id=\"Task_JustifyService\"");
		assertThat(problems(ModelFiles.deploy(olivia, Map.of(LIFECYCLE_FILE, withClass.getBytes(StandardCharsets.UTF_8)))))
			.anySatisfy((problem) -> assertThat(problem).contains("'Task_Foreign' is a new serviceTask"));

		// an expression of its own that calls into the application, a decision in another language than FEEL
		String calling = lifecycle.replace("${reviewOutcome == 'continue'}", "${'}' == '' or organisation.ensureUser('eve', 'Eve', 'X', 'eve', 'camunda-admin') == null}");
		assertThat(calling).isNotEqualTo(lifecycle);
		assertThat(problems(ModelFiles.deploy(olivia, Map.of(LIFECYCLE_FILE, calling.getBytes(StandardCharsets.UTF_8)))))
			.anySatisfy((problem) -> assertThat(problem).contains("'Flow_ReviewContinue' differs from the shipped model"));
		// what a decision leads to is the release's, even a condition on variables only
		String condition = lifecycle.replace("${reviewOutcome == 'continue'}", "${reviewOutcome == 'continue' || reviewOutcome == 'keep'}");
		assertThat(condition).isNotEqualTo(lifecycle);
		assertThat(problems(ModelFiles.deploy(olivia, Map.of(LIFECYCLE_FILE, condition.getBytes(StandardCharsets.UTF_8)))))
			.anySatisfy((problem) -> assertThat(problem).contains("'Flow_ReviewContinue' differs from the shipped model"));
		String juel = ModelFiles.read(DMN.resolve("business-case-value.dmn")).replaceFirst("<inputExpression ",
				"<inputExpression expressionLanguage = 'juel' ");
		assertThat(problems(ModelFiles.deploy(olivia, Map.of("business-case-value.dmn", juel.getBytes(StandardCharsets.UTF_8)))))
			.anySatisfy((problem) -> assertThat(problem).contains("expression language 'juel'"));

		// a form the server cannot check as Tasklist does, a decision without an output the application reads
		String form = ModelFiles.read(FORMS.resolve("evaluate-need.form"));
		String phone = form.replaceFirst("\"key\": \"", "\"validate\": { \"validationType\": \"phone\" },\n      \"key\": \"");
		assertThat(problems(ModelFiles.deploy(olivia, Map.of("evaluate-need.form", phone.getBytes(StandardCharsets.UTF_8)))))
			.anySatisfy((problem) -> assertThat(problem).startsWith("evaluate-need.form: ")
				.contains("asks for validation type 'phone', which the server does not check"));
		String decision = ModelFiles.read(DMN.resolve("business-case-value.dmn"))
			.replace("name=\"businessCaseStrength\"", "name=\"strength\"");
		assertThat(problems(ModelFiles.deploy(olivia, Map.of("business-case-value.dmn", decision.getBytes(StandardCharsets.UTF_8)))))
			.anySatisfy((problem) -> assertThat(problem).contains("lacks the output 'businessCaseStrength'"));

		// a form keeps its fields' behaviour: an option's label swapped, a field added, a limit changed are refused
		String approval = ModelFiles.read(FORMS.resolve("approve-go-live.form"));
		String swapped = approval.replaceFirst("\"label\": \"Approve go-live\"", "\"label\": \"Reject the go-live\"");
		assertThat(swapped).isNotEqualTo(approval);
		assertThat(problems(ModelFiles.deploy(olivia, Map.of("approve-go-live.form", swapped.getBytes(StandardCharsets.UTF_8)))))
			.anySatisfy((problem) -> assertThat(problem).contains("field 'decision' changes more than its words"));
		String added = approval.replaceFirst("\"components\": \\[", "\"components\": [ { \"id\": \"Field_released\", \"key\": \"releasedVersion\", \"type\": \"textfield\", \"label\": \"Version\" },");
		assertThat(added).isNotEqualTo(approval);
		assertThat(problems(ModelFiles.deploy(olivia, Map.of("approve-go-live.form", added.getBytes(StandardCharsets.UTF_8)))))
			.anySatisfy((problem) -> assertThat(problem).contains("field 'releasedVersion' is new"));

		// a design form without the offerings' rows would let services go live unmeasured
		String design = ModelFiles.read(FORMS.resolve("design-service.form")).replace("\"path\": \"offerings\"", "\"path\": \"rows\"");
		assertThat(problems(ModelFiles.deploy(olivia, Map.of("design-service.form", design.getBytes(StandardCharsets.UTF_8)))))
			.anySatisfy((problem) -> assertThat(problem).contains("field 'offerings' of the shipped form is missing"));
		Map<String, String> tenant = new LinkedHashMap<>(Map.of("deployment-name", "pmo", "tenant-id", "x"));
		assertThat(problems(olivia.postMultipart("/engine-rest/deployment/create", tenant,
				Map.of(LIFECYCLE_FILE, ModelFiles.changedLifecycle().getBytes(StandardCharsets.UTF_8)))))
			.anySatisfy((problem) -> assertThat(problem).contains("tenant 'x'"));

		// several problems at once are all told; nothing of any refused deployment was stored
		String twoProblems = lifecycle.replace("value=\"DESIGN\"", "value=\"LAUNCH\"")
			.replace("\"Task_JustifyService\"", "\"Task_BoardApproval\"");
		assertThat(problems(ModelFiles.deploy(olivia, Map.of(LIFECYCLE_FILE, twoProblems.getBytes(StandardCharsets.UTF_8)))))
			.hasSizeGreaterThanOrEqualTo(2);
		assertThat(this.engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void shouldLetOnlyProcessOwnersDeployAndThemDoNoneOfTheApproversWork() {
		byte[] model = ModelFiles.changedLifecycle().getBytes(StandardCharsets.UTF_8);
		for (String person : List.of("anna", "mark", "sara", "paul")) {
			assertThat(ModelFiles.deploy(client(person), Map.of(LIFECYCLE_FILE, model)).status()).as(person).isEqualTo(403);
		}

		// a business case waits for the board: olivia neither sees it in an inbox nor claims or completes it
		String code = this.lifecycle.request("Owners do not approve " + System.nanoTime());
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		this.lifecycle.design(code);
		String task = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(code)
			.singleResult()
			.getId();
		ApiClient olivia = client("olivia");
		ApiClient.Response claim = olivia.post("/engine-rest/task/" + task + "/claim", Map.of("userId", "olivia"));
		assertThat(claim.status()).as(claim.text()).isIn(403, 404);
		Map<String, Object> approval = new LinkedHashMap<>();
		LifecycleForms.decision(Decision.APPROVE, "Business case")
			.forEach((field, value) -> approval.put(field, ApiClient.variable(value)));
		ApiClient.Response complete = olivia.post("/engine-rest/task/" + task + "/complete", Map.of("variables", approval));
		assertThat(complete.status()).as(complete.text()).isIn(403, 404);
		assertThat(this.engine.getTaskService().createTaskQuery().taskId(task).singleResult()).as("still open").isNotNull();
		Map<String, Object> request = Map.of("serviceName", ApiClient.variable("Owners' own request"),
				"serviceDescription", ApiClient.variable("A request a process owner may not raise"),
				"customerSegments", Map.of("value", "[\"PROJECT_MANAGERS\"]", "type", "Json"),
				"offeringLevel", ApiClient.variable("ADDITIONAL"));
		ApiClient.Response start = olivia.post("/engine-rest/process-definition/key/pmo-service-lifecycle/start",
				Map.of("variables", request));
		assertThat(start.status()).as(start.text()).isEqualTo(403);
		assertThat(olivia.get("/api/services").status()).isEqualTo(403);
		// and reads the models, their lifecycles and decisions, as Cockpit shows them
		assertThat(ApiClient.list(olivia.get("/engine-rest/process-definition?key=pmo-service-lifecycle").expect(200).body()))
			.isNotEmpty();
		assertThat(ApiClient.list(olivia.get("/engine-rest/process-instance?businessKey=" + code).expect(200).body()))
			.hasSize(1);
		assertThat(ApiClient.list(olivia.get("/engine-rest/decision-definition").expect(200).body())).isNotEmpty();
		assertThat(ApiClient.list(client("mark").get("/engine-rest/decision-definition").expect(200).body()))
			.as("the managers' Cockpit shows the decisions").isNotEmpty();
	}

	@Test
	void shouldRefuseAModelThatHandsAnApprovalToItsDesigners() {
		// the business case given to the analysts, who design it: four-eyes would still refuse the designer, and the
		// deployment check does not let the model change who approves
		ApiClient olivia = client("olivia");
		String toAnalysts = ModelFiles.read(BPMN.resolve(LIFECYCLE_FILE))
			.replace("<bpmn:userTask id=\"Task_JustifyService\" name=\"Approve business case\" camunda:formRef=\"justify-service\" camunda:formRefBinding=\"latest\" camunda:candidateGroups=\"portfolio-board\"",
					"<bpmn:userTask id=\"Task_JustifyService\" name=\"Approve business case\" camunda:formRef=\"justify-service\" camunda:formRefBinding=\"latest\" camunda:candidateGroups=\"pmo-analysts\"");
		assertThat(toAnalysts).isNotEqualTo(ModelFiles.read(BPMN.resolve(LIFECYCLE_FILE)));
		assertThat(problems(ModelFiles.deploy(olivia, Map.of(LIFECYCLE_FILE, toAnalysts.getBytes(StandardCharsets.UTF_8)))))
			.anySatisfy((problem) -> assertThat(problem).contains("'Task_JustifyService' differs from the shipped model"));
	}

	/** The shipped lifecycle with its go-live approval changed by the given edit, as XML. */
	private static String withApproval(java.util.function.BiConsumer<BpmnModelInstance, UserTask> edit) {
		BpmnModelInstance model = Bpmn.readModelFromFile(BPMN.resolve(LIFECYCLE_FILE).toFile());
		edit.accept(model, model.getModelElementById(ServiceLifecycleProcess.Lifecycle.TASK_APPROVE_GO_LIVE));
		return Bpmn.convertToString(model);
	}

	private static List<String> problems(ApiClient.Response answer) {
		return ApiClient.list(answer.expect(400).body().path("problems")).stream().map(JsonNode::asText).toList();
	}

	private ProcessDefinition latestLifecycle() {
		return this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(ServiceLifecycleProcess.KEY)
			.latestVersion()
			.singleResult();
	}

	private ApiClient client(String user) {
		return new ApiClient("http://localhost:" + this.port, user, user);
	}


}
