package org.pmo.servicelifecycle.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.pmo.servicelifecycle.strategy.PortfolioReviewProcess.LineFields;
import static org.pmo.servicelifecycle.strategy.PortfolioReviewProcess.Variables;

import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.demo.EngineTransport;
import org.pmo.servicelifecycle.demo.LifecycleDriver;
import org.pmo.servicelifecycle.demo.People;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.ProcessCoverage;
import org.pmo.servicelifecycle.lifecycle.ProcessTestSupport;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path through {@code pmo-portfolio-review} and its schedule: started by the board or by the schedule's timer,
 * the board accepting the advice or overriding it (with a reason, never without), the reviews and priorities that
 * follow, and an overdue review escalated.
 */
class PortfolioReviewProcessTest extends ProcessTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TestConfiguration(proxyBeanMethods = false)
	static class Coverage {

		@Bean
		@Primary
		ProcessEngineCoverageProperties portfolioReviewCoverage() {
			return ProcessCoverage.of(PortfolioReviewProcess.KEY, PortfolioReviewProcess.SCHEDULE_KEY);
		}

	}

	@Autowired
	StrategicObjectives objectives;

	@Autowired
	PmoCapacity capacity;

	@Autowired
	BusinessCases businessCases;

	@Autowired
	PortfolioReviewRepository reviews;

	@Autowired
	JdbcTemplate jdbc;

	private EngineTransport engineApi;

	private LifecycleDriver lifecycle;

	private Portfolio portfolio;

	@BeforeEach
	void aPortfolioThatDoesNotAllFit() {
		this.engineApi = new EngineTransport(this.processEngine, this.requests);
		this.lifecycle = new LifecycleDriver(this.engineApi, People.DEMO);
		String run = UUID.randomUUID().toString().substring(0, 8);
		Long delivery = this.objectives
			.create(new ObjectiveTerms("Delivery " + run, "Projects deliver as agreed", 8, java.time.LocalDate.of(2024, 1, 1), null), "sara")
			.getId();
		Long skills = this.objectives
			.create(new ObjectiveTerms("Skills " + run, "Project managers grow", 2, java.time.LocalDate.of(2024, 1, 1), null), "sara")
			.getId();
		String mandated = this.lifecycle.live(new ServiceRequest("Portfolio report " + run, "Monthly report",
				Set.of(CustomerSegment.SENIOR_EXECUTIVES), OfferingLevel.MANDATED), LifecycleDriver.REVIEW_CYCLE);
		String valuable = this.lifecycle.live("Health check " + run);
		String weak = this.lifecycle.live("Template upkeep " + run);
		String request = this.lifecycle.request("Risk workshops " + run);
		this.lifecycle.evaluateNeed(request, Decision.APPROVE);
		estimate(mandated, 100, Map.of(delivery, 2));
		estimate(valuable, 100, Map.of(delivery, 5, skills, 3));
		estimate(weak, 80, Map.of(skills, 2));
		estimate(request, 30, Map.of(delivery, 4));
		// room for the mandated, the valuable and the request, not for the weak one
		this.capacity.plan(this.capacity.thisYear(), new CapacityTerms(250.0, 1_000_000.0), "sara");
		this.portfolio = new Portfolio(mandated, valuable, weak, request);
	}

	@AfterEach
	void forgetTheBusinessCases() {
		// other tests' services stay in the catalog, without numbers
		this.jdbc.update("delete from business_case_dependency");
		this.jdbc.update("delete from business_case_contribution");
		this.jdbc.update("delete from business_case");
	}

	@Test
	void shouldPrepareTheReviewWhenTheBoardAsksForIt() {
		// when
		ProcessInstance review = requestReview("Budget cut announced");

		// then
		assertThat(review).isWaitingAt(PortfolioReviewProcess.TASK_REVIEW_PORTFOLIO)
			.hasPassed(PortfolioReviewProcess.TASK_PREPARE_SNAPSHOT, PortfolioReviewProcess.TASK_RECOMMEND_MIX);
		Task task = boardTask(review);
		assertThat(task.getDueDate()).isEqualTo(Date.from(ClockUtil.now().toInstant().plus(10, ChronoUnit.DAYS)));
		assertThat(this.processEngine.getTaskService().getIdentityLinksForTask(task.getId()))
			.anySatisfy((link) -> assertThat(link.getGroupId()).isEqualTo(Groups.PORTFOLIO_BOARD));
		PortfolioReview stored = reviewOf(review);
		assertThat(stored.getStatus()).isEqualTo(PortfolioReview.Status.WITH_THE_BOARD);
		assertThat(stored.getReason()).isEqualTo("Budget cut announced");
		assertThat(stored.getStartedBy()).isEqualTo("sara");
		assertThat(recommendationOf(review, this.portfolio.mandated())).isEqualTo("keep");
		assertThat(recommendationOf(review, this.portfolio.valuable())).isEqualTo("keep");
		assertThat(recommendationOf(review, this.portfolio.request())).isEqualTo("start");
		assertThat(recommendationOf(review, this.portfolio.weak())).isEqualTo("retire");
		assertThat(reasonOf(review, this.portfolio.weak())).contains("needs 80 person-days", "capacity binds");
		assertThat((String) this.processEngine.getRuntimeService().getVariable(review.getId(), Variables.SUMMARY))
			.contains("proven optimal", "Capacity", "Coverage per objective");
	}

	@Test
	void shouldStartTheReviewOnItsSchedule() {
		// given the schedule's timer, set when the model was deployed
		Job due = this.processEngine.getManagementService()
			.createJobQuery()
			.processDefinitionKey(PortfolioReviewProcess.SCHEDULE_KEY)
			.timers()
			.singleResult();
		assertThat(due).isNotNull();

		// when it falls due
		this.processEngine.getManagementService().executeJob(due.getId());

		// then the schedule starts a review, which waits for the board
		assertThat(this.processEngine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PortfolioReviewProcess.SCHEDULE_KEY)
			.finished()
			.list()).anySatisfy((round) -> assertThat(round.getEndActivityId())
				.isEqualTo(PortfolioReviewProcess.END_SCHEDULED_REVIEW_STARTED));
		PortfolioReview started = this.reviews.findAll()
			.stream()
			.filter((stored) -> "Scheduled portfolio review (R/P1Y)".equals(stored.getReason()))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(started.getStartedBy()).isNull();
		assertThat(started.getStatus()).isEqualTo(PortfolioReview.Status.WITH_THE_BOARD);
		// and the schedule waits for its next round
		Job next = this.processEngine.getManagementService()
			.createJobQuery()
			.processDefinitionKey(PortfolioReviewProcess.SCHEDULE_KEY)
			.timers()
			.singleResult();
		assertThat(next).isNotNull();
		assertThat(next.getId()).isNotEqualTo(due.getId());
	}

	@Test
	void shouldActOnTheAdviceWhenTheBoardAcceptsIt() {
		// given
		ProcessInstance review = requestReview("Yearly round");

		// when the board takes every line as advised
		decide(review, Map.of());

		// then the weak service goes into an unscheduled review, the request's work goes first
		assertThat(review).isEnded().hasPassed(PortfolioReviewProcess.TASK_ACT_ON_DECISIONS,
				PortfolioReviewProcess.END_PORTFOLIO_REVIEWED);
		assertThat(this.engineApi.task(this.portfolio.weak(), ServiceLifecycleProcess.Lifecycle.TASK_REVIEW_SERVICE))
			.isNotNull();
		assertThat(this.catalog.history(this.portfolio.weak()))
			.filteredOn((entry) -> entry.getKind() == HistoryKind.REVIEW_OPENED)
			.last()
			.satisfies((entry) -> assertThat(entry.getComment()).startsWith("Portfolio review #"));
		assertThat(this.engineApi.task(this.portfolio.request(), ServiceLifecycleProcess.Lifecycle.TASK_DESIGN_SERVICE)
			.getPriority()).isEqualTo(PortfolioReviewSteps.STARTED_PRIORITY);
		assertThat(this.engineApi.task(this.portfolio.valuable(), ServiceLifecycleProcess.Lifecycle.TASK_REVIEW_SERVICE))
			.isNull();
		assertThat(this.catalog.history(this.portfolio.valuable()))
			.filteredOn((entry) -> entry.getKind() == HistoryKind.PORTFOLIO_DECISION)
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.getDecision()).isEqualTo("keep");
				assertThat(entry.getActor()).isEqualTo("sara");
				assertThat(entry.getComment()).contains("as recommended");
			});
		PortfolioReview stored = reviewOf(review);
		assertThat(stored.getStatus()).isEqualTo(PortfolioReview.Status.DECIDED);
		assertThat(stored.getDecidedBy()).isEqualTo("sara");
		assertThat(stored.getDecisions()).contains("\"accepted\":true");
	}

	@Test
	void shouldFollowTheBoardWhenItOverridesTheAdviceWithAReason() {
		// given
		ProcessInstance review = requestReview("Yearly round");

		// when the board keeps the weak service and defers the request
		decide(review, Map.of(this.portfolio.weak(), new String[] { "keep", "Needed for the audit next year" },
				this.portfolio.request(), new String[] { "defer", "Wait for the new risk policy" }));

		// then no review opens for the kept service, and the request waits
		assertThat(review).isEnded();
		assertThat(this.engineApi.task(this.portfolio.weak(), ServiceLifecycleProcess.Lifecycle.TASK_REVIEW_SERVICE))
			.isNull();
		assertThat(this.engineApi.task(this.portfolio.request(), ServiceLifecycleProcess.Lifecycle.TASK_DESIGN_SERVICE)
			.getPriority()).isEqualTo(PortfolioReviewSteps.DEFERRED_PRIORITY);
		assertThat(this.catalog.history(this.portfolio.weak()))
			.filteredOn((entry) -> entry.getKind() == HistoryKind.PORTFOLIO_DECISION)
			.singleElement()
			.satisfies((entry) -> assertThat(entry.getComment()).contains("recommended retire, decided keep",
					"Needed for the audit next year"));
		assertThat(reviewOf(review).getDecisions()).contains("\"accepted\":false");
	}

	@Test
	void shouldAskForAReviewOfAServiceTheBoardChoosesToTransform() {
		ProcessInstance review = requestReview("Customer complaints");

		decide(review, Map.of(this.portfolio.valuable(), new String[] { "transform", "Customers want it leaner" }));

		assertThat(this.engineApi.task(this.portfolio.valuable(), ServiceLifecycleProcess.Lifecycle.TASK_REVIEW_SERVICE))
			.isNotNull();
		assertThat(this.engineApi.task(this.portfolio.weak(), ServiceLifecycleProcess.Lifecycle.TASK_REVIEW_SERVICE))
			.isNotNull();
	}

	@Test
	void shouldRefuseAnOverrideWithoutAReasonAndDecisionsTheStageDoesNotAllow() {
		ProcessInstance review = requestReview("Yearly round");

		assertThatThrownBy(() -> decide(review, Map.of(this.portfolio.weak(), new String[] { "keep", "" })))
			.hasMessageContaining(Variables.CHANGES)
			.hasMessageContaining("line 1: say why")
			.hasMessageContaining("rather than retire");
		assertThatThrownBy(() -> decide(review,
				Map.of(this.portfolio.valuable(), new String[] { "start", "Start it again" })))
			.hasMessageContaining("choose one of [keep, transform, retire]");
		assertThatThrownBy(() -> decide(review, Map.of("SVC-9999", new String[] { "keep", "Unknown" })))
			.hasMessageContaining("SVC-9999 is not in this review");

		// nothing was done: the board's task is still open, no service was reviewed
		assertThat(review).isWaitingAt(PortfolioReviewProcess.TASK_REVIEW_PORTFOLIO);
		assertThat(this.engineApi.task(this.portfolio.weak(), ServiceLifecycleProcess.Lifecycle.TASK_REVIEW_SERVICE))
			.isNull();
		assertThat(reviewOf(review).getStatus()).isEqualTo(PortfolioReview.Status.WITH_THE_BOARD);
	}

	@Test
	void shouldEscalateAnOverdueReviewToThePmoManagers() {
		// given
		ProcessInstance review = requestReview("Yearly round");
		Job overdue = this.processEngine.getManagementService()
			.createJobQuery()
			.processInstanceId(review.getId())
			.activityId(PortfolioReviewProcess.EVENT_REVIEW_OVERDUE)
			.singleResult();

		// when its due date passes
		ClockUtil.setCurrentTime(overdue.getDuedate());
		this.processEngine.getManagementService().executeJob(overdue.getId());

		// then the managers become candidates, the priority rises, and the board's task stays open
		Task task = boardTask(review);
		assertThat(task.getPriority()).isEqualTo(80);
		assertThat(this.processEngine.getTaskService().getIdentityLinksForTask(task.getId()))
			.anySatisfy((link) -> assertThat(link.getGroupId()).isEqualTo(Groups.PMO_MANAGERS));
		assertThat(review).hasPassed(PortfolioReviewProcess.TASK_ESCALATE_REVIEW,
				PortfolioReviewProcess.END_REVIEW_ESCALATED)
			.isWaitingAt(PortfolioReviewProcess.TASK_REVIEW_PORTFOLIO);
	}

	private ProcessInstance requestReview(String reason) {
		String definition = this.processEngine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(PortfolioReviewProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		return this.engineApi.as("sara", () -> this.processEngine.getFormService()
			.submitStartForm(definition, Map.of(Variables.REASON, reason)));
	}

	/** The board submits its form: the advice holds except where its changes say otherwise (decision, reason). */
	private void decide(ProcessInstance review, Map<String, String[]> overrides) {
		StringBuilder changes = new StringBuilder();
		overrides.forEach((code, change) -> changes.append(code).append(' ').append(change[0]).append(' ')
			.append(change[1]).append('\n'));
		this.engineApi.completeTask("sara", boardTask(review).getId(), Map.of(Variables.CHANGES, changes.toString(),
				Variables.DECISION_COMMENT, "Reviewed with the PMO's heads"));
	}

	private ArrayNode lines(ProcessInstance review) {
		Object value = this.processEngine.getRuntimeService()
			.getVariableTyped(review.getId(), Variables.LINES, false)
			.getValue();
		try {
			return (ArrayNode) JSON.readTree(String.valueOf(
					this.processEngine.getRuntimeService().getVariableTyped(review.getId(), Variables.LINES, false)
						instanceof org.camunda.bpm.engine.variable.value.SerializableValue serialized
								? serialized.getValueSerialized() : value));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String recommendationOf(ProcessInstance review, String code) {
		return lineOf(review, code).get(LineFields.RECOMMENDATION).asText();
	}

	private String reasonOf(ProcessInstance review, String code) {
		return lineOf(review, code).get(LineFields.RECOMMENDATION_REASON).asText();
	}

	private com.fasterxml.jackson.databind.JsonNode lineOf(ProcessInstance review, String code) {
		for (com.fasterxml.jackson.databind.JsonNode line : lines(review)) {
			if (line.get(LineFields.CODE).asText().equals(code)) {
				return line;
			}
		}
		throw new AssertionError("no line for " + code);
	}

	private Task boardTask(ProcessInstance review) {
		return this.processEngine.getTaskService()
			.createTaskQuery()
			.processInstanceId(review.getId())
			.taskDefinitionKey(PortfolioReviewProcess.TASK_REVIEW_PORTFOLIO)
			.singleResult();
	}

	private PortfolioReview reviewOf(ProcessInstance review) {
		return this.reviews.findByProcessInstanceId(review.getId()).orElseThrow();
	}

	private void estimate(String code, double effortDays, Map<Long, Integer> scores) {
		this.businessCases.estimate(code, new BusinessCaseTerms(10_000.0, effortDays,
				scores.entrySet().stream().map((e) -> new BusinessCaseTerms.Contribution(e.getKey(), e.getValue())).toList(),
				List.of(), List.of()), "anna");
	}

	private record Portfolio(String mandated, String valuable, String weak, String request) {
	}

}
