package org.pmo.servicelifecycle.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.pmo.servicelifecycle.lifecycle.InvalidLifecycleInputException;
import org.pmo.servicelifecycle.lifecycle.ModelStages;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ApprovalGates;
import org.pmo.servicelifecycle.security.FourEyesPrinciple;
import org.pmo.servicelifecycle.web.RefusedWithProblems;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What a person deploys (Camunda Modeler, the engine's REST API) is checked before the engine stores any of it, and
 * refused with every problem found: the lifecycle's models only, changed no further than a process owner may
 * ({@link ModelRules}: words, layout, steps without behaviour); stages that exist; the tasks the four-eyes principle is
 * tied to, on every path to what they approve ({@link ApprovalGates}); candidate groups that exist; forms, decisions
 * and called processes that resolve, in the deployment or deployed before (bound by {@code latest}, so that a
 * deployment of the changed files alone still works); forms whose every field the server checks as Tasklist does,
 * the shipped fields' behaviour kept; decisions in FEEL with the outputs the application reads; no tenant. The
 * application's own deployment at start-up is trusted.
 */
class DeploymentCheck extends CommandInterceptor {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Each decision the application ships, with the outputs the processes and the application read. */
	private final Map<String, Set<String>> shippedOutputs = shippedDecisionOutputs();

	/** The lifecycle's three models: the only processes a person may deploy (new versions of them). */
	private final Set<String> shippedProcesses = ServiceLifecycleProcess.KEYS;

	/** Element by element, what a changed lifecycle model may hold. */
	private final ModelRules rules = new ModelRules();

	/** The forms the application ships, by id: their fields stay, and the required ones stay required and shown. */
	private final Map<String, byte[]> shippedForms = shippedForms();

	/** The decision expression languages the engine evaluates without reaching into the application. */
	static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
			"https://www.omg.org/spec/dmn/20191111/feel", "https://www.omg.org/spec/dmn/20230324/feel");

	@Override
	public <T> T execute(Command<T> command) {
		CommandContext context = Context.getCommandContext();
		if (command instanceof DeployCmd && context != null && context.getAuthenticatedUserId() != null) {
			DeploymentBuilderImpl builder = CommandFields.read(command, "deploymentBuilder");
			List<String> problems = problemsOf(context, builder);
			if (!problems.isEmpty()) {
				throw new DeploymentRefused(problems);
			}
		}
		return this.next.execute(command);
	}

	/** Every problem of the deployment, each naming its file and element. */
	List<String> problemsOf(CommandContext context, DeploymentBuilderImpl builder) {
		List<String> problems = new ArrayList<>();
		if (!builder.getDeployments().isEmpty() || !builder.getDeploymentResourcesById().isEmpty()
				|| !builder.getDeploymentResourcesByName().isEmpty()) {
			problems.add("resources taken from earlier deployments: deploy the files themselves");
		}
		if (builder.getDeployment().getTenantId() != null) {
			problems.add("tenant '" + builder.getDeployment().getTenantId() + "': the product's models belong to no tenant");
		}
		Map<String, ResourceEntity> resources = builder.getDeployment().getResources();
		Submitted submitted = new Submitted();
		Map<String, BpmnModelInstance> processes = new HashMap<>();
		for (ResourceEntity resource : (resources != null) ? resources.values() : List.<ResourceEntity>of()) {
			String name = resource.getName();
			byte[] bytes = resource.getBytes();
			if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
				try {
					BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
					processes.put(name, model);
					problems.addAll(this.rules.problemsOf(name, bytes));
					model.getModelElementsByType(Process.class).forEach((process) -> submitted.processes.add(process.getId()));
				}
				catch (RuntimeException ex) {
					problems.add(name + ": is not a readable BPMN model (" + ex.getMessage() + ")");
				}
			}
			else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
				checkDecisions(name, bytes, submitted, problems);
			}
			else if (name.endsWith(".form")) {
				checkForm(name, bytes, submitted, problems);
			}
			else {
				problems.add(name + ": only BPMN, DMN and Camunda Form files are deployed (.bpmn, .dmn, .form)");
			}
		}
		processes.forEach((name, model) -> checkProcesses(context, name, model, submitted, problems));
		return problems;
	}

	private void checkProcesses(CommandContext context, String name, BpmnModelInstance model, Submitted submitted,
			List<String> problems) {
		for (Process process : model.getModelElementsByType(Process.class)) {
			String key = process.getId();
			if (!this.shippedProcesses.contains(key)) {
				problems.add(name + ": process '" + key + "' is not one of the product's models " + sorted(this.shippedProcesses));
				continue;
			}
			Set<String> taskIds = model.getModelElementsByType(UserTask.class)
				.stream()
				.filter((task) -> inProcess(task, process))
				.map(UserTask::getId)
				.collect(Collectors.toSet());
			for (String approval : FourEyesPrinciple.TASKS_BY_MODEL.getOrDefault(key, Set.of())) {
				if (!taskIds.contains(approval)) {
					problems.add(name + ": user task '" + approval + "' is missing: the four-eyes principle is tied to it");
				}
			}
		}
		ApprovalGates.bypasses(model).forEach((bypass) -> problems.add(name + ": " + bypass));
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			checkCandidateGroups(context, name, task, problems);
			checkForm(context, name, task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), submitted, problems);
		}
		for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
			checkForm(context, name, start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), submitted, problems);
		}
		for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
			String decision = task.getCamundaDecisionRef();
			if (decision == null) {
				problems.add(name + ": '" + task.getId() + "' evaluates no decision of the product (camunda:decisionRef)");
				continue;
			}
			checkBinding(name, task, "decision", decision, task.getCamundaDecisionRefBinding(), problems);
			if (!decision.contains("${") && !submitted.decisions.contains(decision) && context.runWithoutAuthorization(
					() -> context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(decision)) == null) {
				problems.add(name + ": '" + task.getId() + "' evaluates the decision '" + decision
						+ "', which is neither in this deployment nor deployed");
			}
		}
		for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
			String called = call.getCalledElement();
			checkBinding(name, call, "called process", called, call.getCamundaCalledElementBinding(), problems);
			if (called != null && !called.contains("${") && !submitted.processes.contains(called)
					&& context.runWithoutAuthorization(
							() -> context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(called)) == null) {
				problems.add(name + ": '" + call.getId() + "' calls the process '" + called
						+ "', which is neither in this deployment nor deployed");
			}
		}
		for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
			if (ModelStages.PROPERTY.equals(property.getCamundaName())) {
				String element = owner(property);
				try {
					ModelStages.parse(element, property.getCamundaValue());
				}
				catch (InvalidLifecycleInputException ex) {
					problems.add(name + ": " + ex.getMessage());
				}
			}
		}
	}

	private static void checkCandidateGroups(CommandContext context, String name, UserTask task, List<String> problems) {
		String groups = task.getCamundaCandidateGroups();
		if (groups == null || groups.contains("${") || groups.contains("#{")) {
			return;
		}
		for (String group : groups.split(",")) {
			String id = group.trim();
			if (!id.isEmpty() && context.runWithoutAuthorization(
					() -> context.getReadOnlyIdentityProvider().createGroupQuery().groupId(id).count()) == 0) {
				problems.add(name + ": user task '" + task.getId() + "' names the candidate group '" + id
						+ "', which does not exist");
			}
		}
	}

	private static void checkForm(CommandContext context, String name, BaseElement element, String formRef,
			String binding, Submitted submitted, List<String> problems) {
		if (formRef == null) {
			return;
		}
		checkBinding(name, element, "form", formRef, binding, problems);
		if (!formRef.contains("${") && !submitted.forms.contains(formRef) && context.runWithoutAuthorization(
				() -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formRef)) == null) {
			problems.add(name + ": '" + element.getId() + "' shows the form '" + formRef
					+ "', which is neither in this deployment nor deployed");
		}
	}

	/**
	 * References bound to their own deployment break when a deployment of changed files leaves the unchanged ones out;
	 * the product's models bind by {@code latest} (or a version or version tag).
	 */
	private static void checkBinding(String name, BaseElement element, String what, String reference, String binding,
			List<String> problems) {
		if ("deployment".equals(binding)) {
			problems.add(name + ": '" + element.getId() + "' binds the " + what + " '" + reference
					+ "' to its own deployment: bind it by latest, so that deploying the changed files alone still resolves it");
		}
	}

	private void checkForm(String name, byte[] bytes, Submitted submitted, List<String> problems) {
		FormContract.uncheckable(bytes).forEach((problem) -> problems.add(name + ": " + problem));
		try {
			FormContract form = FormContract.parse(bytes);
			byte[] shipped = this.shippedForms.get(form.formId());
			if (shipped != null) {
				FormContract.keptIn(shipped, bytes).forEach((problem) -> problems.add(name + ": " + problem));
			}
			form.fieldKeys()
				.stream()
				.filter(ServiceLifecycleProcess.Variables.GOVERNANCE::contains)
				.forEach((key) -> problems.add(name + ": field '" + key + "' would write what only the engine records"));
		}
		catch (RuntimeException ex) {
			// told by the check above
		}
		try {
			JsonNode form = JSON.readTree(bytes);
			if (form.hasNonNull("id")) {
				submitted.forms.add(form.get("id").asText());
			}
			else {
				problems.add(name + ": the form has no id");
			}
		}
		catch (IOException ex) {
			// told by the check above
		}
	}

	private void checkDecisions(String name, byte[] bytes, Submitted submitted, List<String> problems) {
		DmnModelInstance model;
		try {
			model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
		}
		catch (RuntimeException ex) {
			problems.add(name + ": is not a readable DMN model (" + ex.getMessage() + ")");
			return;
		}
		for (String language : expressionLanguages(bytes)) {
			if (!FEEL.contains(language.toLowerCase(Locale.ROOT))) {
				problems.add(name + ": expression language '" + language + "': a decision is written in FEEL");
			}
		}
		for (Decision decision : model.getModelElementsByType(Decision.class)) {
			submitted.decisions.add(decision.getId());
			Set<String> required = this.shippedOutputs.get(decision.getId());
			if (required == null) {
				continue;
			}
			Set<String> outputs = outputsOf(decision);
			required.stream()
				.filter((output) -> !outputs.contains(output))
				.sorted()
				.forEach((output) -> problems.add(name + ": decision '" + decision.getId() + "' lacks the output '"
						+ output + "', which the application reads"));
		}
	}

	/** Every expression language a DMN file names, on any element. */
	private static Set<String> expressionLanguages(byte[] bytes) {
		Set<String> languages = new HashSet<>();
		try {
			collectLanguages(ModelRules.parse(new ByteArrayInputStream(bytes)).getDocumentElement(), languages);
		}
		catch (IOException | org.xml.sax.SAXException ex) {
			languages.add("unreadable");
		}
		return languages;
	}

	private static void collectLanguages(org.w3c.dom.Element element, Set<String> languages) {
		org.w3c.dom.NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			String local = attributes.item(i).getLocalName();
			if ("expressionLanguage".equals(local) || "typeLanguage".equals(local)) {
				languages.add(attributes.item(i).getNodeValue());
			}
		}
		for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof org.w3c.dom.Element nested) {
				collectLanguages(nested, languages);
			}
		}
	}

	private static Set<String> outputsOf(Decision decision) {
		return decision.getModelInstance()
			.getModelElementsByType(Output.class)
			.stream()
			.filter((output) -> inDecision(output, decision))
			.map(Output::getName)
			.filter((output) -> output != null)
			.collect(Collectors.toSet());
	}

	private static boolean inDecision(ModelElementInstance element, Decision decision) {
		return within(element, decision);
	}

	private static boolean inProcess(ModelElementInstance element, Process process) {
		return within(element, process);
	}

	private static boolean within(ModelElementInstance element, ModelElementInstance scope) {
		for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
			if (parent.equals(scope)) {
				return true;
			}
		}
		return false;
	}

	/** The id of the element an extension belongs to. */
	private static String owner(ModelElementInstance extension) {
		for (ModelElementInstance parent = extension.getParentElement(); parent != null; parent = parent.getParentElement()) {
			if (parent instanceof BaseElement element && element.getId() != null) {
				return element.getId();
			}
		}
		return "?";
	}

	private static List<String> sorted(Collection<String> values) {
		return values.stream().sorted().toList();
	}

	private static Map<String, byte[]> shippedForms() {
		Map<String, byte[]> forms = new HashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
				try (InputStream in = resource.getInputStream()) {
					byte[] bytes = in.readAllBytes();
					forms.put(FormContract.parse(bytes).formId(), bytes);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.copyOf(forms);
	}

	private static Map<String, Set<String>> shippedDecisionOutputs() {
		Map<String, Set<String>> outputs = new HashMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:dmn/*.dmn")) {
				try (InputStream in = resource.getInputStream()) {
					DmnModelInstance model = Dmn.readModelFromStream(in);
					for (Decision decision : model.getModelElementsByType(Decision.class)) {
						outputs.put(decision.getId(), outputsOf(decision));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.copyOf(outputs);
	}

	/** What the deployment itself holds, by id. */
	private static final class Submitted {

		final Set<String> processes = new HashSet<>();

		final Set<String> decisions = new HashSet<>();

		final Set<String> forms = new HashSet<>();

	}

	/** The refusal: 400 with every problem (web/EngineRestAnswers). */
	static final class DeploymentRefused extends ProcessEngineException implements RefusedWithProblems {

		private final List<String> problems;

		DeploymentRefused(List<String> problems) {
			super("The deployment is refused, nothing was deployed: " + problems.size()
					+ ((problems.size() == 1) ? " problem" : " problems") + ": " + String.join("; ", problems));
			this.problems = List.copyOf(problems);
		}

		@Override
		public List<String> problems() {
			return this.problems;
		}

	}

}
