package org.pmo.servicelifecycle.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.pmo.servicelifecycle.engine.CommandFields;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.InvalidLifecycleInputException;
import org.pmo.servicelifecycle.strategy.PortfolioReviewProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;

/**
 * Everything the engine runs for a person who is not an administrator: this list, and nothing else. A command that is
 * not named here (an error or escalation reported on a task, job execution, due dates and retries, suspension,
 * signals, variable writes, instance and batch operations, identity changes, a command a later Camunda adds) is
 * refused with 403 before it runs. Administrators ({@code camunda-admin}) and the application itself (start-up, jobs,
 * timers) are not ruled by it.
 * <p>
 * Reads are open to every signed-in person: Camunda's grants ({@code security/AccessRights}) and the candidate rule
 * decide which rows each one sees. The few commands that change state say who may run them, and check their
 * arguments. docs/security.md shows this list, and {@code EngineAllowlistDocumentTests} keeps the two alike.
 */
public final class EngineAllowlist {

	/** How an admitted command runs. */
	public enum Verdict {

		/** With the person's own grants, as Camunda checks them. */
		AS_PERSON,

		/** Without Camunda's grant checks: the rule has checked everything the grant would stand for. */
		AS_APPLICATION

	}

	/** Checks a command's arguments and refuses (throws) what the person may not ask for. */
	@FunctionalInterface
	public interface Rule {

		Verdict check(CommandContext context, Command<?> command, Authentication person);

	}

	/**
	 * One allowed operation: what it is in business words, who may run it (empty: every signed-in person), its rule,
	 * and the engine REST endpoints that lead to it.
	 */
	public record Permit(String operation, Set<String> groups, Rule rule, List<String> endpoints) {

		boolean admits(Authentication person) {
			return this.groups.isEmpty()
					|| (person.getGroupIds() != null && person.getGroupIds().stream().anyMatch(this.groups::contains));
		}

	}

	/** Variables the catalog publishes to every reader (code and name): Tasklist's cards show them. */
	static final Set<String> PUBLISHED_VARIABLES = Set.of(Variables.SERVICE_CODE, Variables.SERVICE_NAME);

	/** Variables a request for an unscheduled review may carry. */
	static final Set<String> REVIEW_REQUEST_VARIABLES = Set.of(Variables.REVIEW_REASON);

	static final int REVIEW_REASON_MAX_LENGTH = 500;

	/** Groups whose members may ask for an unscheduled review. */
	static final Set<String> REVIEW_REQUESTERS = Set.of(Groups.PMO_MANAGERS);

	private static final Set<String> EVERYBODY = Set.of();

	/** Process owners deploy the models (Camunda Modeler); Camunda's grant to create deployments is checked too. */
	static final Set<String> DEPLOYERS = Set.of(Groups.PMO_PROCESS_OWNERS);

	/** Who lists deployments: those who deploy, and the PMO managers' Cockpit. */
	static final Set<String> DEPLOYMENT_READERS = Set.of(Groups.PMO_PROCESS_OWNERS, Groups.PMO_MANAGERS);

	/**
	 * Processes besides the lifecycle whose tasks people may work on and which they may start, without forms: empty
	 * in production; the benchmark's bare baseline process ({@code pmo.engine.baseline-processes}).
	 */
	private static volatile Set<String> baselineProcesses = Set.of();

	/** Reads: queries and single lookups, narrowed by Camunda's grants and the candidate rule. */
	private static final List<String> READS = List.of(
			// queries
			"org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl",
			"org.camunda.bpm.engine.impl.AuthorizationQueryImpl",
			"org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl",
			"org.camunda.bpm.engine.impl.EventSubscriptionQueryImpl",
			"org.camunda.bpm.engine.impl.ExecutionQueryImpl",
			"org.camunda.bpm.engine.impl.ExternalTaskQueryImpl",
			"org.camunda.bpm.engine.impl.HistoricActivityInstanceQueryImpl",
			"org.camunda.bpm.engine.impl.HistoricActivityStatisticsQueryImpl",
			"org.camunda.bpm.engine.impl.HistoricDecisionInstanceQueryImpl",
			"org.camunda.bpm.engine.impl.HistoricDecisionInstanceStatisticsQueryImpl",
			"org.camunda.bpm.engine.impl.HistoricDetailQueryImpl",
			"org.camunda.bpm.engine.impl.HistoricExternalTaskLogQueryImpl",
			"org.camunda.bpm.engine.impl.HistoricIdentityLinkLogQueryImpl",
			"org.camunda.bpm.engine.impl.HistoricIncidentQueryImpl",
			"org.camunda.bpm.engine.impl.HistoricJobLogQueryImpl",
			"org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl",
			"org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl",
			"org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl",
			"org.camunda.bpm.engine.impl.IncidentQueryImpl",
			"org.camunda.bpm.engine.impl.JobDefinitionQueryImpl",
			"org.camunda.bpm.engine.impl.JobQueryImpl",
			"org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl",
			"org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl",
			"org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl",
			"org.camunda.bpm.engine.impl.TaskQueryImpl",
			"org.camunda.bpm.engine.impl.UserOperationLogQueryImpl",
			"org.camunda.bpm.engine.impl.batch.BatchQueryImpl",
			"org.camunda.bpm.engine.impl.batch.BatchStatisticsQueryImpl",
			"org.camunda.bpm.engine.impl.batch.history.HistoricBatchQueryImpl",
			"org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionQueryImpl",
			"org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionRequirementsDefinitionQueryImpl",
			"org.camunda.bpm.engine.impl.filter.FilterQueryImpl",
			"org.camunda.bpm.engine.impl.cmd.CreateGroupQueryCmd",
			"org.camunda.bpm.engine.impl.cmd.CreateUserQueryCmd",
			"org.camunda.bpm.engine.impl.cmd.CreateTenantQueryCmd",
			"org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl",
			"org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl",
			"org.camunda.bpm.engine.impl.identity.db.DbTenantQueryImpl",
			"org.camunda.bpm.engine.impl.HistoricProcessInstanceReportImpl$ExecuteDurationReportCmd",
			"org.camunda.bpm.engine.impl.HistoricTaskInstanceReportImpl$ExecuteDurationCmd",
			"org.camunda.bpm.engine.impl.HistoricTaskInstanceReportImpl$HistoricTaskInstanceCountByNameCmd",
			"org.camunda.bpm.engine.impl.HistoricTaskInstanceReportImpl$HistoricTaskInstanceCountByProcessDefinitionKey",
			// saved filters (Tasklist's inboxes)
			"org.camunda.bpm.engine.impl.cmd.GetFilterCmd",
			"org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd",
			"org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd",
			"org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd",
			"org.camunda.bpm.engine.impl.cmd.ExecuteFilterSingleResultCmd",
			// models, forms and their resources
			"org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd",
			"org.camunda.bpm.engine.impl.cmd.GetDeploymentBpmnModelInstanceCmd",
			"org.camunda.bpm.engine.impl.cmd.GetDeploymentProcessDiagramCmd",
			"org.camunda.bpm.engine.impl.cmd.GetDeploymentProcessDiagramLayoutCmd",
			"org.camunda.bpm.engine.impl.cmd.GetDeploymentProcessModelCmd",
			"org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd",
			"org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceForIdCmd",
			"org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceNamesCmd",
			"org.camunda.bpm.engine.impl.cmd.GetDeploymentResourcesCmd",
			"org.camunda.bpm.engine.impl.cmd.GetStaticCalledProcessDefinitionCmd",
			"org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionDefinitionCmd",
			"org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionDiagramCmd",
			"org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionModelCmd",
			"org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionRequirementsDefinitionCmd",
			"org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionRequirementsDiagramCmd",
			"org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionRequirementsModelCmd",
			"org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDmnModelInstanceCmd",
			"org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd",
			"org.camunda.bpm.engine.impl.cmd.GetFormKeyCmd",
			"org.camunda.bpm.engine.impl.cmd.GetStartFormCmd",
			"org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd",
			"org.camunda.bpm.engine.impl.cmd.GetRenderedStartFormCmd",
			"org.camunda.bpm.engine.impl.cmd.GetStartFormVariablesCmd",
			// tasks (the candidate rule decides which)
			"org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd",
			"org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd",
			"org.camunda.bpm.engine.impl.cmd.GetRenderedTaskFormCmd",
			"org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd",
			"org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd",
			"org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped",
			"org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd",
			"org.camunda.bpm.engine.impl.cmd.GetIdentityLinksForTaskCmd",
			"org.camunda.bpm.engine.impl.cmd.GetSubTasksCmd",
			// instances (grants: PMO managers and administrators only)
			"org.camunda.bpm.engine.impl.cmd.GetActivityInstanceCmd",
			"org.camunda.bpm.engine.impl.cmd.FindActiveActivityIdsCmd",
			"org.camunda.bpm.engine.impl.cmd.GetExecutionVariableCmd",
			"org.camunda.bpm.engine.impl.cmd.GetExecutionVariableTypedCmd",
			"org.camunda.bpm.engine.impl.cmd.GetExecutionVariablesCmd",
			"org.camunda.bpm.engine.impl.cmd.GetJobExceptionStacktraceCmd",
			"org.camunda.bpm.engine.impl.cmd.GetHistoricJobLogExceptionStacktraceCmd",
			// comments and attachments are left out: Camunda reads them by id without checking any grant
			// the webapps: what a person may open, the password policy
			"org.camunda.bpm.engine.impl.cmd.AuthorizationCheckCmd",
			"org.camunda.bpm.engine.impl.cmd.GetPasswordPolicyCmd",
			"org.camunda.bpm.engine.impl.cmd.IsIdentityServiceReadOnlyCmd",
			"org.camunda.bpm.engine.impl.cmd.GetHistoryLevelCmd");

	private static final Rule READ = (context, command, person) -> Verdict.AS_PERSON;

	/** The allowlist, by command class name. */
	public static final Map<String, Permit> PERMITS = permits();

	private EngineAllowlist() {
	}

	static void allowBaselineProcesses(Set<String> keys) {
		baselineProcesses = Set.copyOf(keys);
	}

	private static Map<String, Permit> permits() {
		Map<String, Permit> permits = new LinkedHashMap<>();
		READS.forEach((command) -> permits.put(command, new Permit("read", EVERYBODY, READ, List.of())));
		permits.put("org.camunda.bpm.engine.impl.VariableInstanceQueryImpl",
				new Permit("read variables (the published service code and name for everybody)", EVERYBODY,
						EngineAllowlist::variableQuery, List.of()));
		permits.put("org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd", new Permit("claim a task for oneself", EVERYBODY,
				EngineAllowlist::claimForOneself, List.of("POST /task/{id}/claim")));
		permits.put("org.camunda.bpm.engine.impl.cmd.AssignTaskCmd", new Permit("hand back (unclaim) one's own task",
				EVERYBODY, EngineAllowlist::unclaimOwnTask, List.of("POST /task/{id}/unclaim")));
		permits.put("org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd",
				new Permit("complete a task one is a candidate for, through its form's check and four-eyes", EVERYBODY,
						EngineAllowlist::workOnProductTask, List.of("POST /task/{id}/complete")));
		permits.put("org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd",
				new Permit("submit the form of a task one is a candidate for, through its check and four-eyes",
						EVERYBODY, EngineAllowlist::workOnProductTask, List.of("POST /task/{id}/submit-form")));
		permits.put("org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd",
				new Permit("raise a service request, through the request form's check", EVERYBODY,
						EngineAllowlist::startThroughRequestForm,
						List.of("POST /process-definition/{id}/start", "POST /process-definition/key/{key}/start",
								"POST /process-definition/key/{key}/tenant-id/{tenant-id}/start")));
		permits.put("org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd",
				new Permit("raise a service request with the request form", EVERYBODY,
						EngineAllowlist::submitRequestForm,
						List.of("POST /process-definition/{id}/submit-form",
								"POST /process-definition/key/{key}/submit-form",
								"POST /process-definition/key/{key}/tenant-id/{tenant-id}/submit-form")));
		permits.put("org.camunda.bpm.engine.impl.DeploymentQueryImpl",
				new Permit("list deployments (Camunda Modeler's connection check, Cockpit)", DEPLOYMENT_READERS, READ,
						List.of("GET /deployment", "GET /deployment/count")));
		permits.put("org.camunda.bpm.engine.impl.cmd.DeployCmd",
				new Permit("deploy the product's models, through the deployment check", DEPLOYERS, READ,
						List.of("POST /deployment/create")));
		permits.put("org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd",
				new Permit("ask for an unscheduled review of a live service (" + ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED
						+ ")", REVIEW_REQUESTERS, EngineAllowlist::reviewRequest, List.of("POST /message")));
		return Map.copyOf(permits);
	}

	/** Every signed-in person reads the published variables; other variables only with Camunda's grants. */
	private static Verdict variableQuery(CommandContext context, Command<?> command, Authentication person) {
		VariableInstanceQueryImpl query = (VariableInstanceQueryImpl) command;
		List<String> names = Stream
			.concat(Stream.ofNullable(query.getVariableName()), Stream.of(nullSafe(query.getVariableNames())))
			.toList();
		boolean publishedOnly = !names.isEmpty() && query.getVariableNameLike() == null
				&& PUBLISHED_VARIABLES.containsAll(names);
		return publishedOnly ? Verdict.AS_APPLICATION : Verdict.AS_PERSON;
	}

	private static String[] nullSafe(String[] values) {
		return (values != null) ? values : new String[0];
	}

	private static Verdict claimForOneself(CommandContext context, Command<?> command, Authentication person) {
		String userId = CommandFields.read(command, "userId");
		if (userId == null) {
			return unclaimOwnTask(context, command, person);
		}
		if (!userId.equals(person.getUserId())) {
			throw refusal(person, "claim a task for another person (" + userId + ")",
					"only administrators hand tasks to others");
		}
		productTask(context, command, person);
		return Verdict.AS_PERSON;
	}

	private static Verdict unclaimOwnTask(CommandContext context, Command<?> command, Authentication person) {
		String userId = CommandFields.read(command, "userId");
		TaskEntity task = productTask(context, command, person);
		if (userId != null || !person.getUserId().equals(task.getAssignee())) {
			throw refusal(person, "assign a task", "a person may claim a task for himself and hand back his own");
		}
		return Verdict.AS_APPLICATION;
	}

	private static Verdict workOnProductTask(CommandContext context, Command<?> command, Authentication person) {
		productTask(context, command, person);
		return Verdict.AS_PERSON;
	}

	/** The task the command names, which must belong to one of the product's models (their checks apply there). */
	private static TaskEntity productTask(CommandContext context, Command<?> command, Authentication person) {
		String taskId = CommandFields.read(command, "taskId");
		TaskEntity task = (taskId != null) ? context.getTaskManager().findTaskById(taskId) : null;
		if (task == null) {
			// the engine answers "not found" as it would for anyone
			return new TaskEntity();
		}
		ProcessDefinitionEntity definition = (task.getProcessDefinitionId() != null) ? task.getProcessDefinition()
				: null;
		if (definition == null || !(ProductModels.contains(definition.getKey())
				|| baselineProcesses.contains(definition.getKey()))) {
			throw refusal(person, "work on a task outside the service lifecycle", "only lifecycle tasks are checked");
		}
		return task;
	}

	private static Verdict startThroughRequestForm(CommandContext context, Command<?> command, Authentication person) {
		ProcessInstantiationBuilderImpl builder = CommandFields.read(command, "instantiationBuilder");
		ProcessInstanceModificationBuilderImpl modification = builder.getModificationBuilder();
		if (modification != null && (modification.isSkipCustomListeners() || modification.isSkipIoMappings()
				|| !modification.getModificationOperations().isEmpty())) {
			throw refusal(person, "start a lifecycle at a chosen step or without its listeners",
					"a lifecycle starts at its request");
		}
		if (builder.getCaseInstanceId() != null) {
			throw new InvalidLifecycleInputException("caseInstanceId", "a service request belongs to no case");
		}
		requestOnly(context, person, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
				builder.getBusinessKey());
		return Verdict.AS_PERSON;
	}

	private static Verdict submitRequestForm(CommandContext context, Command<?> command, Authentication person) {
		requestOnly(context, person, CommandFields.read(command, "processDefinitionId"), null,
				CommandFields.read(command, "businessKey"));
		return Verdict.AS_PERSON;
	}

	/** The portfolio board asks for a portfolio review: the current model, no business key, only its reason. */
	private static void portfolioReviewOnly(CommandContext context, Authentication person, String definitionId,
			String businessKey) {
		if (person.getGroupIds() == null || !person.getGroupIds().contains(Groups.PORTFOLIO_BOARD)) {
			throw refusal(person, "start a portfolio review", "the portfolio board asks for portfolio reviews");
		}
		if (definitionId != null) {
			ProcessDefinitionEntity latest = context.getProcessEngineConfiguration()
				.getDeploymentCache()
				.findDeployedLatestProcessDefinitionByKey(PortfolioReviewProcess.KEY);
			if (!definitionId.equals(latest.getId())) {
				throw refusal(person, "start an earlier version of the portfolio review (" + definitionId + ")",
						"a review starts the current version, " + latest.getId());
			}
		}
		if (businessKey != null) {
			throw new InvalidLifecycleInputException("businessKey", "leave it out: a portfolio review has none");
		}
	}

	/** Only the lifecycle starts from a request, and the catalog gives its business key (the service code). */
	private static void requestOnly(CommandContext context, Authentication person, String definitionId,
			String definitionKey, String businessKey) {
		String key = definitionKey;
		if (key == null && definitionId != null) {
			ProcessDefinitionEntity definition = context.getProcessEngineConfiguration()
				.getDeploymentCache()
				.findProcessDefinitionFromCache(definitionId);
			if (definition == null) {
				definition = context.getProcessDefinitionManager().findLatestDefinitionById(definitionId);
			}
			key = (definition != null) ? definition.getKey() : null;
		}
		if (key != null && baselineProcesses.contains(key)) {
			return;
		}
		if (PortfolioReviewProcess.KEY.equals(key)) {
			portfolioReviewOnly(context, person, definitionId, businessKey);
			return;
		}
		if (key != null && !ServiceLifecycleProcess.KEY.equals(key)) {
			throw refusal(person, "start " + key, "people start a lifecycle only by raising a service request");
		}
		if (definitionId != null) {
			ProcessDefinitionEntity latest = context.getProcessEngineConfiguration()
				.getDeploymentCache()
				.findDeployedLatestProcessDefinitionByKey(ServiceLifecycleProcess.KEY);
			if (!definitionId.equals(latest.getId())) {
				throw refusal(person, "start an earlier version of the lifecycle (" + definitionId + ")",
						"a request starts the current version, " + latest.getId());
			}
		}
		if (businessKey != null && !businessKey.isBlank()) {
			throw new InvalidLifecycleInputException("businessKey",
					"leave it empty, the catalog gives each service its code");
		}
	}

	private static Verdict reviewRequest(CommandContext context, Command<?> command, Authentication person) {
		MessageCorrelationBuilderImpl builder = CommandFields.read(command, "builder");
		if (!ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED.equals(builder.getMessageName())) {
			throw refusal(person, "correlate the message '" + builder.getMessageName() + "'",
					"the only message people send is " + ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED);
		}
		if (CommandFields.<Boolean>read(builder, "startMessagesOnly") || builder.getProcessDefinitionId() != null) {
			throw refusal(person, "start a process with a message", "a review is asked of a running lifecycle");
		}
		onlyReviewVariables(builder.getPayloadProcessInstanceVariablesLocal(), true);
		onlyReviewVariables(builder.getPayloadProcessInstanceVariablesToTriggeredScope(), true);
		onlyReviewVariables(builder.getPayloadProcessInstanceVariables(), false);
		return Verdict.AS_APPLICATION;
	}

	private static void onlyReviewVariables(Map<String, Object> variables, boolean noneAllowed) {
		if (variables == null || variables.isEmpty()) {
			return;
		}
		for (String name : variables.keySet()) {
			if (noneAllowed || !REVIEW_REQUEST_VARIABLES.contains(name)) {
				throw new InvalidLifecycleInputException(name,
						"a review request carries only " + REVIEW_REQUEST_VARIABLES + " as process variables");
			}
			// as sent: an object value is not deserialized to look at it
			Object value = (variables instanceof VariableMap typed) ? typed.getValueTyped(name) : variables.get(name);
			if (value instanceof SerializableValue) {
				// an object, JSON or XML: never text, and not deserialized to find out
				throw new InvalidLifecycleInputException(name, "must be text");
			}
			Object plain = (value instanceof TypedValue typed) ? typed.getValue() : value;
			if (plain != null && !(plain instanceof String)) {
				throw new InvalidLifecycleInputException(name, "must be text");
			}
			if (plain != null && ((String) plain).length() > REVIEW_REASON_MAX_LENGTH) {
				throw new InvalidLifecycleInputException(name,
						"is longer than " + REVIEW_REASON_MAX_LENGTH + " characters");
			}
		}
	}

	/** A refusal that names the operation and the person, as the REST API shows it (403). */
	static AuthorizationException refusal(Authentication person, String operation, String reason) {
		return new AuthorizationException("Refused: " + person.getUserId() + " may not " + operation + " (" + reason
				+ "; what a person may do is listed in docs/security.md)");
	}

	/** Commands whose class name says little: Camunda runs the failed-job listener after a refused job execution. */
	private static final Map<String, String> KNOWN_OPERATIONS = Map.of(
			"org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd", "execute a job",
			"org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener", "execute a job (or record its failure)");

	/** The operation a command class stands for, in the refusal's words. */
	static String operationOf(Class<?> commandClass) {
		String name = commandClass.getName();
		String known = KNOWN_OPERATIONS.get(name);
		if (known != null) {
			return known;
		}
		String simple = name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
		return simple.endsWith("Cmd") ? simple.substring(0, simple.length() - 3) : simple;
	}

	public static Collection<String> readCommands() {
		return READS;
	}

}
