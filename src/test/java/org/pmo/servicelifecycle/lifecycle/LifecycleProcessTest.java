package org.pmo.servicelifecycle.lifecycle;

import static org.pmo.servicelifecycle.catalog.CustomerSegment.PROJECT_MANAGERS;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.pmo.servicelifecycle.lifecycle.ProcessTestDriver.ANALYST;
import static org.pmo.servicelifecycle.lifecycle.ProcessTestDriver.BOARD_MEMBER;
import static org.pmo.servicelifecycle.lifecycle.ProcessTestDriver.CUSTOMER;
import static org.pmo.servicelifecycle.lifecycle.ProcessTestDriver.MANAGER;
import static org.pmo.servicelifecycle.lifecycle.ProcessTestDriver.PILOT_PERIOD_FROM_DESIGN;
import static org.pmo.servicelifecycle.lifecycle.ProcessTestDriver.REVIEW_CYCLE_FROM_DESIGN;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle.*;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.agreement.AgreementBook;
import org.pmo.servicelifecycle.agreement.AgreementTerms;
import org.pmo.servicelifecycle.agreement.Direction;
import org.pmo.servicelifecycle.agreement.MeasurementInput;
import org.pmo.servicelifecycle.agreement.MetricUnit;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.PortfolioPhase;
import org.pmo.servicelifecycle.catalog.ReviewOutcome;
import org.pmo.servicelifecycle.catalog.ServiceHistoryEntry;
import org.pmo.servicelifecycle.catalog.ServiceNotFoundException;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Transform;
import org.pmo.servicelifecycle.review.ReviewDecisions;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Every path through {@code pmo-service-lifecycle}, from the request to the declined or retired service. */
class LifecycleProcessTest extends ProcessTestSupport {

	@TestConfiguration(proxyBeanMethods = false)
	static class Coverage {

		// takes the place of the coverage configuration's default
		@Bean
		@Primary
		ProcessEngineCoverageProperties lifecycleCoverage() {
			return ProcessCoverage.of(ServiceLifecycleProcess.KEY);
		}

	}

	@Autowired
	AgreementBook agreements;

	@Autowired
	ReviewCycles reviewCycles;

	// request

	@Test
	void shouldRegisterRequestForNeedEvaluation() {
		// when
		ProcessInstance lifecycle = this.driver.request("Project health check");

		// then
		assertThat(lifecycle).isStarted().isWaitingAt(TASK_EVALUATE_NEED).hasPassed(EVENT_SERVICE_REQUESTED);
		assertThat(task()).hasCandidateGroup(Groups.PMO_MANAGERS);
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.PROPOSED);
		assertThat(service.getServiceVersion()).isEqualTo(1);
		assertThat(service.getRequestedBy()).isEqualTo(CUSTOMER);
		assertThat(service.getLifecycleInstanceId()).isEqualTo(lifecycle.getId());
		assertThat(this.driver.history(lifecycle)).singleElement()
			.extracting(ServiceHistoryEntry::getKind, ServiceHistoryEntry::getToStage, ServiceHistoryEntry::getActor)
			.containsExactly(HistoryKind.REQUESTED, Stage.PROPOSED, CUSTOMER);
	}

	@Test
	void shouldRegisterRequestRaisedFromTasklistStartForm() {
		// given the start form's fields; its checklist arrives as a JSON array, and there is no business key
		VariableMap startForm = Variables.createVariables()
			.putValue(ServiceLifecycleProcess.Variables.SERVICE_NAME, "Risk workshop facilitation")
			.putValue(ServiceLifecycleProcess.Variables.SERVICE_DESCRIPTION, "Facilitated risk workshops.")
			.putValueTyped(ServiceLifecycleProcess.Variables.CUSTOMER_SEGMENTS,
					SpinValues.jsonValue("[\"PROJECT_MANAGERS\"]").create())
			.putValue(ServiceLifecycleProcess.Variables.OFFERING_LEVEL, OfferingLevel.ADDITIONAL.name());
		String definitionId = processDefinition(ServiceLifecycleProcess.KEY).getId();

		// when
		ProcessInstance lifecycle = this.driver.as(CUSTOMER,
				() -> formService().submitStartForm(definitionId, startForm));

		// then the catalog registered the service, and its code became the business key
		PmoService service = this.catalog.list(Stage.PROPOSED, 0, 1000)
			.stream()
			.filter((registered) -> lifecycle.getId().equals(registered.getLifecycleInstanceId()))
			.findFirst()
			.orElseThrow();
		assertThat(service.getCode()).matches("SVC-\\d{4}");
		assertThat(lifecycle).hasBusinessKey(service.getCode()).isWaitingAt(TASK_EVALUATE_NEED);
		assertThat(task()).hasCandidateGroup(Groups.PMO_MANAGERS);
		assertThat(service.getName()).isEqualTo("Risk workshop facilitation");
		assertThat(service.getCustomerSegments()).containsExactly(CustomerSegment.PROJECT_MANAGERS);
		assertThat(service.getOfferingLevel()).isEqualTo(OfferingLevel.ADDITIONAL);
		assertThat(service.getStage()).isEqualTo(Stage.PROPOSED);
		assertThat(service.getRequestedBy()).isEqualTo(CUSTOMER);
	}

	@Test
	void shouldRefuseStartWithBusinessKey() {
		// given
		int servicesBefore = this.catalog.list(null, 0, 1000).size();
		VariableMap request = ServiceRequests.variablesOf(new ServiceRequest(
				"Own code", "A request that brings its own code.", Set.of(CustomerSegment.END_USERS), null));

		// when / then
		assertThatThrownBy(() -> this.driver.as(CUSTOMER,
				() -> runtimeService().startProcessInstanceByKey(ServiceLifecycleProcess.KEY, "SVC-9999", request)))
			.isInstanceOfSatisfying(FormFieldValidationException.class,
					(ex) -> assertThat((Object) ex.getDetail()).isEqualTo("businessKey"))
			.hasMessageContaining("businessKey");
		assertThat(processInstanceQuery().processInstanceBusinessKey("SVC-9999").count()).isZero();
		assertThat(this.catalog.list(null, 0, 1000)).hasSize(servicesBefore);
		assertThatThrownBy(() -> this.catalog.find("SVC-9999")).isInstanceOf(ServiceNotFoundException.class);
	}

	// strategy: evaluate need

	@Test
	void shouldDesignServiceWhenNeedApproved() {
		// given
		ProcessInstance lifecycle = this.driver.request("Stage-gate assurance review");

		// when
		this.driver.evaluateNeed(lifecycle, Decision.APPROVE);

		// then
		assertThat(lifecycle).hasPassed(TASK_EVALUATE_NEED).isWaitingAt(TASK_DESIGN_SERVICE);
		assertThat(task()).hasCandidateGroup(Groups.PMO_ANALYSTS);
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.DESIGN);
		// the evaluation settles the offering level
		assertThat(service.getOfferingLevel()).isEqualTo(OfferingLevel.MANDATED);
		assertStageChange(lifecycle, Stage.PROPOSED, Stage.DESIGN, Decision.APPROVE.value(), MANAGER);
	}

	@Test
	void shouldScoreServiceValueForTheBoard() {
		// given a request for one customer segment
		ProcessInstance lifecycle = this.driver.request("Portfolio reporting");

		// when the need is approved: high fit, value 4 of 5, mandated
		this.driver.evaluateNeed(lifecycle, Decision.APPROVE);
		this.driver.design(lifecycle);

		// then the decision scored it 40 + 32 + 10, and the board sees score and priority on its form
		assertThat(lifecycle).hasPassedInOrder(TASK_EVALUATE_NEED, TASK_SCORE_SERVICE_VALUE, TASK_DESIGN_SERVICE)
			.isWaitingAt(TASK_JUSTIFY_SERVICE);
		assertThat(formService().getTaskFormVariables(task(TASK_JUSTIFY_SERVICE, lifecycle).getId()))
			.containsEntry(ReviewDecisions.VALUE_SCORE, 82)
			.containsEntry(ReviewDecisions.PRIORITY, "high");
		// Cockpit shows the evaluation
		HistoricDecisionInstance evaluation = historyService().createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey(ReviewDecisions.SERVICE_VALUE)
			.processInstanceId(lifecycle.getId())
			.includeOutputs()
			.singleResult();
		assertThat(evaluation.getActivityId()).isEqualTo(TASK_SCORE_SERVICE_VALUE);
		assertThat(evaluation.getOutputs()).extracting((output) -> output.getVariableName() + "=" + output.getValue())
			.containsExactlyInAnyOrder("priority=high", "valueScore=82");
	}

	@Test
	void shouldDeclineNeed() {
		// given
		ProcessInstance lifecycle = this.driver.request("Coffee for project managers");

		// when
		this.driver.evaluateNeed(lifecycle, Decision.REJECT);

		// then
		assertThat(lifecycle).hasPassed(TASK_EVALUATE_NEED, END_SERVICE_DECLINED)
			.hasNotPassed(TASK_DESIGN_SERVICE)
			.isEnded();
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.DECLINED);
		assertThat(service.getPortfolioPhase()).isEqualTo(PortfolioPhase.RETIRED);
		assertStageChange(lifecycle, Stage.PROPOSED, Stage.DECLINED, Decision.REJECT.value(), MANAGER);
	}

	// design and justification

	@Test
	void shouldAskForBusinessCaseApprovalWhenDesigned() {
		// given
		ProcessInstance lifecycle = this.driver.request("PM coaching and mentoring");
		this.driver.evaluateNeed(lifecycle, Decision.APPROVE);

		// when
		this.driver.design(lifecycle);

		// then
		assertThat(lifecycle).hasPassed(TASK_DESIGN_SERVICE).isWaitingAt(TASK_JUSTIFY_SERVICE);
		assertThat(task()).hasCandidateGroup(Groups.PORTFOLIO_BOARD);
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.JUSTIFICATION);
		assertThat(service.getOwner()).isEqualTo(ANALYST);
		assertThat(service.getPilotPeriod()).isEqualTo(PILOT_PERIOD_FROM_DESIGN);
		assertThat(service.getReviewCycle()).isEqualTo(REVIEW_CYCLE_FROM_DESIGN);
		assertStageChange(lifecycle, Stage.DESIGN, Stage.JUSTIFICATION, null, ANALYST);
	}

	@Test
	void shouldRefuseInvalidReviewCycle() {
		// given
		ProcessInstance lifecycle = this.driver.request("Portfolio dashboard");
		this.driver.evaluateNeed(lifecycle, Decision.APPROVE);
		int historyBefore = this.driver.history(lifecycle).size();

		// when / then
		// the engine wraps what its listener expressions throw; the message still names the field
		assertThatThrownBy(() -> this.driver.design(lifecycle, PILOT_PERIOD_FROM_DESIGN, "every quarter"))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining(ServiceLifecycleProcess.Variables.REVIEW_CYCLE)
			.rootCause()
			.isInstanceOfSatisfying(InvalidLifecycleInputException.class,
					(ex) -> assertThat(ex.getField()).isEqualTo(ServiceLifecycleProcess.Variables.REVIEW_CYCLE));
		assertThat(lifecycle).isWaitingAt(TASK_DESIGN_SERVICE).hasNotPassed(TASK_DESIGN_SERVICE);
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.DESIGN);
		assertThat(service.getReviewCycle()).isEqualTo(PmoService.DEFAULT_REVIEW_CYCLE);
		assertThat(service.getPilotPeriod()).isEqualTo(PmoService.DEFAULT_PILOT_PERIOD);
		assertThat(this.driver.history(lifecycle)).hasSize(historyBefore);
	}

	@Test
	void shouldGiveBusinessCaseApprovalADueDate() {
		// given
		ProcessInstance lifecycle = this.driver.request("Benefits tracking");
		this.driver.evaluateNeed(lifecycle, Decision.APPROVE);

		// when
		this.driver.design(lifecycle);

		// then the board has five days (pmo.approvals.due.justification), and the escalation waits for as long
		Task approval = task(TASK_JUSTIFY_SERVICE, lifecycle);
		Date due = ProcessTestDriver.dueAfter(ClockUtil.now().toInstant(), "P5D");
		assertThat(approval.getDueDate()).isEqualTo(due);
		assertThat(job(EVENT_BUSINESS_CASE_OVERDUE, lifecycle).getDuedate()).isEqualTo(due);
	}

	@Test
	void shouldEscalateOverdueBusinessCaseApproval() {
		// given
		ProcessInstance lifecycle = this.driver.request("Programme assurance");
		this.driver.evaluateNeed(lifecycle, Decision.APPROVE);
		this.driver.design(lifecycle);

		// when the board lets it run over its due date
		ProcessTestDriver.fireTimer(job(EVENT_BUSINESS_CASE_OVERDUE, lifecycle));

		// then the approval stays open for the board, the PMO managers see it too, with a higher priority
		assertThat(lifecycle).hasPassed(EVENT_BUSINESS_CASE_OVERDUE, TASK_ESCALATE_BUSINESS_CASE,
				END_BUSINESS_CASE_ESCALATED)
			.isWaitingAt(TASK_JUSTIFY_SERVICE);
		assertEscalated(lifecycle, task(TASK_JUSTIFY_SERVICE, lifecycle), "Approve business case");

		// and the board can still decide
		this.driver.justify(lifecycle, Decision.APPROVE);
		assertThat(lifecycle).isWaitingAt(EVENT_PILOT_PERIOD_OVER);
	}

	@Test
	void shouldStartPilotWhenBusinessCaseApproved() {
		// given
		ProcessInstance lifecycle = this.driver.request("Lessons-learned facilitation");
		this.driver.evaluateNeed(lifecycle, Decision.APPROVE);
		this.driver.design(lifecycle);

		// when
		this.driver.justify(lifecycle, Decision.APPROVE);

		// then
		assertThat(lifecycle).hasPassed(TASK_JUSTIFY_SERVICE).isWaitingAt(EVENT_PILOT_PERIOD_OVER);
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.PILOT);
		assertStageChange(lifecycle, Stage.JUSTIFICATION, Stage.PILOT, Decision.APPROVE.value(), BOARD_MEMBER);
		// the pilot runs for the period given in the design form
		assertThat(job(EVENT_PILOT_PERIOD_OVER, lifecycle).getDuedate())
			.isEqualTo(ProcessTestDriver.dueAfter(ProcessTestDriver.START, PILOT_PERIOD_FROM_DESIGN));
	}

	@Test
	void shouldReworkBusinessCase() {
		// given
		ProcessInstance lifecycle = this.driver.request("Benefits tracking");
		this.driver.evaluateNeed(lifecycle, Decision.APPROVE);
		this.driver.design(lifecycle);

		// when
		this.driver.justify(lifecycle, Decision.REWORK);

		// then
		assertThat(lifecycle).hasPassed(TASK_JUSTIFY_SERVICE).isWaitingAt(TASK_DESIGN_SERVICE);
		assertThat(task()).hasCandidateGroup(Groups.PMO_ANALYSTS);
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.DESIGN);
		assertStageChange(lifecycle, Stage.JUSTIFICATION, Stage.DESIGN, Decision.REWORK.value(), BOARD_MEMBER);
	}

	@Test
	void shouldDeclineBusinessCase() {
		// given
		ProcessInstance lifecycle = this.driver.request("Methodology translation");
		this.driver.evaluateNeed(lifecycle, Decision.APPROVE);
		this.driver.design(lifecycle);

		// when
		this.driver.justify(lifecycle, Decision.REJECT);

		// then
		assertThat(lifecycle).hasPassed(TASK_JUSTIFY_SERVICE, END_SERVICE_DECLINED)
			.hasNotPassed(EVENT_PILOT_PERIOD_OVER)
			.isEnded();
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.DECLINED);
		assertStageChange(lifecycle, Stage.JUSTIFICATION, Stage.DECLINED, Decision.REJECT.value(), BOARD_MEMBER);
	}

	// pilot

	@Test
	void shouldReviewPilotWhenPilotPeriodIsOver() {
		// given
		ProcessInstance lifecycle = this.driver.inPilot("Risk register health check");
		Job pilotOver = job(EVENT_PILOT_PERIOD_OVER, lifecycle);
		assertThat(jobQuery().processInstanceId(lifecycle.getId()).executable().count()).isZero();

		// when the period from the design form has passed
		ClockUtil.setCurrentTime(ProcessTestDriver.dueAfter(ProcessTestDriver.START, PILOT_PERIOD_FROM_DESIGN));
		assertThat(jobQuery().processInstanceId(lifecycle.getId()).executable().singleResult().getId())
			.isEqualTo(pilotOver.getId());
		execute(pilotOver);

		// then
		assertThat(lifecycle).hasPassed(EVENT_PILOT_PERIOD_OVER).isWaitingAt(TASK_REVIEW_PILOT);
		assertThat(task()).hasCandidateGroup(Groups.PMO_MANAGERS);
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.PILOT);
	}

	@Test
	void shouldApprovePilotForGoLive() {
		// given
		ProcessInstance lifecycle = this.driver.inPilot("Schedule assurance");
		this.driver.endPilot(lifecycle);

		// when
		this.driver.reviewPilot(lifecycle, Decision.APPROVE);

		// then
		assertThat(lifecycle).hasPassed(TASK_REVIEW_PILOT).isWaitingAt(TASK_APPROVE_GO_LIVE);
		assertThat(task()).hasCandidateGroup(Groups.PORTFOLIO_BOARD);
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.IMPLEMENTATION);
		assertStageChange(lifecycle, Stage.PILOT, Stage.IMPLEMENTATION, Decision.APPROVE.value(), MANAGER);
	}

	@Test
	void shouldExtendPilot() {
		// given
		ProcessInstance lifecycle = this.driver.inPilot("Estimating clinic");
		this.driver.endPilot(lifecycle);
		Instant firstPilotOver = ClockUtil.now().toInstant();

		// when
		this.driver.reviewPilot(lifecycle, Decision.EXTEND);

		// then another pilot period of the same length runs
		assertThat(lifecycle).hasPassed(TASK_REVIEW_PILOT).isWaitingAt(EVENT_PILOT_PERIOD_OVER);
		Job secondPilotOver = job(EVENT_PILOT_PERIOD_OVER, lifecycle);
		assertThat(secondPilotOver.getDuedate())
			.isEqualTo(ProcessTestDriver.dueAfter(firstPilotOver, PILOT_PERIOD_FROM_DESIGN));
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.PILOT);
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.TASK_COMPLETED))
			.extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getDecision,
					ServiceHistoryEntry::getActor)
			.containsExactly("Review pilot", Decision.EXTEND.value(), MANAGER);

		// and when that period is over too, the pilot is reviewed again
		ProcessTestDriver.fireTimer(secondPilotOver);
		assertThat(lifecycle).isWaitingAt(TASK_REVIEW_PILOT);
	}

	@Test
	void shouldReworkDesignAfterPilot() {
		// given
		ProcessInstance lifecycle = this.driver.inPilot("Governance framework refresh");
		this.driver.endPilot(lifecycle);

		// when
		this.driver.reviewPilot(lifecycle, Decision.REWORK);

		// then
		assertThat(lifecycle).hasPassed(TASK_REVIEW_PILOT).isWaitingAt(TASK_DESIGN_SERVICE);
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.DESIGN);
		assertStageChange(lifecycle, Stage.PILOT, Stage.DESIGN, Decision.REWORK.value(), MANAGER);
	}

	@Test
	void shouldDeclineAfterPilot() {
		// given
		ProcessInstance lifecycle = this.driver.inPilot("Weekly status calls");
		this.driver.endPilot(lifecycle);

		// when
		this.driver.reviewPilot(lifecycle, Decision.REJECT);

		// then
		assertThat(lifecycle).hasPassed(TASK_REVIEW_PILOT, END_SERVICE_DECLINED)
			.hasNotPassed(TASK_APPROVE_GO_LIVE)
			.isEnded();
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.DECLINED);
		assertStageChange(lifecycle, Stage.PILOT, Stage.DECLINED, Decision.REJECT.value(), MANAGER);
	}

	// go-live

	@Test
	void shouldGoLive() {
		// given
		ProcessInstance lifecycle = this.driver.inPilot("Monthly portfolio report");
		this.driver.endPilot(lifecycle);
		this.driver.reviewPilot(lifecycle, Decision.APPROVE);

		// when
		this.driver.approveGoLive(lifecycle, Decision.APPROVE);

		// then
		assertThat(lifecycle).hasPassed(TASK_APPROVE_GO_LIVE).isWaitingAt(TASK_OPERATE_SERVICE);
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.OPERATION);
		assertThat(service.getPortfolioPhase()).isEqualTo(PortfolioPhase.CATALOG);
		assertThat(service.getServiceVersion()).isEqualTo(1);
		// the first periodic review is due one review cycle (R/P6M from the design form) after go-live
		Job reviewDue = this.driver.periodicReviewTimer(lifecycle);
		assertThat(reviewDue.getDuedate()).isEqualTo(ProcessTestDriver.dueAfter(ClockUtil.now().toInstant(), "P6M"));
		assertThat(service.getNextReviewDue()).isEqualTo(reviewDue.getDuedate().toInstant());
		assertStageChange(lifecycle, Stage.IMPLEMENTATION, Stage.OPERATION, Decision.APPROVE.value(), BOARD_MEMBER);
	}

	@Test
	void shouldEscalateOverdueGoLiveApproval() {
		// given
		ProcessInstance lifecycle = this.driver.inPilot("Estimating service");
		this.driver.endPilot(lifecycle);
		this.driver.reviewPilot(lifecycle, Decision.APPROVE);
		Task approval = task(TASK_APPROVE_GO_LIVE, lifecycle);
		assertThat(approval.getDueDate()).isEqualTo(ProcessTestDriver.dueAfter(ClockUtil.now().toInstant(), "P5D"));

		// when
		ProcessTestDriver.fireTimer(job(EVENT_GO_LIVE_APPROVAL_OVERDUE, lifecycle));

		// then
		assertThat(lifecycle).hasPassed(TASK_ESCALATE_GO_LIVE_APPROVAL, END_GO_LIVE_APPROVAL_ESCALATED)
			.isWaitingAt(TASK_APPROVE_GO_LIVE);
		assertEscalated(lifecycle, task(TASK_APPROVE_GO_LIVE, lifecycle), "Approve go-live");
	}

	@Test
	void shouldReworkDesignBeforeGoLive() {
		// given
		ProcessInstance lifecycle = this.driver.inPilot("Change control board support");
		this.driver.endPilot(lifecycle);
		this.driver.reviewPilot(lifecycle, Decision.APPROVE);

		// when
		this.driver.approveGoLive(lifecycle, Decision.REWORK);

		// then
		assertThat(lifecycle).hasPassed(TASK_APPROVE_GO_LIVE).isWaitingAt(TASK_DESIGN_SERVICE);
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.DESIGN);
		assertStageChange(lifecycle, Stage.IMPLEMENTATION, Stage.DESIGN, Decision.REWORK.value(), BOARD_MEMBER);
	}

	@Test
	void shouldDeclineGoLive() {
		// given
		ProcessInstance lifecycle = this.driver.inPilot("Project archive service");
		this.driver.endPilot(lifecycle);
		this.driver.reviewPilot(lifecycle, Decision.APPROVE);

		// when
		this.driver.approveGoLive(lifecycle, Decision.REJECT);

		// then
		assertThat(lifecycle).hasPassed(TASK_APPROVE_GO_LIVE, END_SERVICE_DECLINED)
			.hasNotPassed(SUBPROCESS_OPERATE_SERVICE)
			.isEnded();
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.DECLINED);
		assertThat(service.getNextReviewDue()).isNull();
		assertStageChange(lifecycle, Stage.IMPLEMENTATION, Stage.DECLINED, Decision.REJECT.value(), BOARD_MEMBER);
	}

	// operation: reviews

	@Test
	void shouldOpenPeriodicReviewAndKeepOperating() {
		// given
		ProcessInstance lifecycle = this.driver.live("Resource capacity planning");
		Job firstReviewDue = this.driver.periodicReviewTimer(lifecycle);

		// when the review cycle has passed
		ProcessTestDriver.fireTimer(firstReviewDue);

		// then the service keeps running while it is reviewed, and the next review is planned
		assertThat(lifecycle).hasPassed(EVENT_PERIODIC_REVIEW_DUE)
			.isWaitingAt(TASK_OPERATE_SERVICE, TASK_REVIEW_SERVICE);
		assertThat(task(TASK_REVIEW_SERVICE, lifecycle)).hasCandidateGroup(Groups.PMO_MANAGERS);
		Job nextReviewDue = this.driver.periodicReviewTimer(lifecycle);
		assertThat(nextReviewDue.getId()).isNotEqualTo(firstReviewDue.getId());
		assertThat(nextReviewDue.getDuedate()).isAfter(firstReviewDue.getDuedate());
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.OPERATION);
		assertThat(service.getNextReviewDue()).isEqualTo(nextReviewDue.getDuedate().toInstant());
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.REVIEW_OPENED))
			.extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getActor, ServiceHistoryEntry::getComment)
			.containsExactly("Periodic review due", null, "Periodic review (cycle " + REVIEW_CYCLE_FROM_DESIGN + ")");
		// nothing measured yet: the decision sees no warning signs
		assertThat(lifecycle).hasPassedInOrder(EVENT_PERIODIC_REVIEW_DUE, TASK_RECOMMEND_REVIEW_OUTCOME);
		assertThat(formService().getTaskFormVariables(task(TASK_REVIEW_SERVICE, lifecycle).getId()))
			.containsEntry(ReviewDecisions.SLA_HEALTH, "none")
			.containsEntry(ReviewDecisions.STRATEGIC_FIT, "high")
			.containsEntry(ReviewDecisions.RECOMMENDATION, ReviewOutcome.CONTINUE.value())
			.containsEntry(ReviewDecisions.RECOMMENDATION_REASON, "No warning signs: agreements met or not yet measured")
			.containsEntry(ReviewDecisions.PERFORMANCE_SUMMARY,
					"on-time-delivery (PROJECT_MANAGERS), agreed at least 90 %: not measured yet");
	}

	@Test
	void shouldOpenOneReviewWithRecommendationWhenAgreementIsBreached() {
		// given a live service whose design agreed on-time delivery of at least 90 % for project managers
		ProcessInstance lifecycle = this.driver.live("Project health check service");
		String code = lifecycle.getBusinessKey();
		String thisMonth = YearMonth.from(ClockUtil.now().toInstant().atZone(ZoneOffset.UTC)).toString();

		// when 70 % is measured
		this.agreements.record(code, List.of(new MeasurementInput("on-time-delivery", PROJECT_MANAGERS, thisMonth, 70.0)),
				ANALYST);

		// then one unscheduled review, whose form shows the breach, the figures and the recommendation
		assertThat(lifecycle).hasPassedInOrder(EVENT_UNSCHEDULED_REVIEW_REQUESTED, TASK_RECOMMEND_REVIEW_OUTCOME)
			.isWaitingAt(TASK_OPERATE_SERVICE, TASK_REVIEW_SERVICE);
		Map<String, Object> form = formService().getTaskFormVariables(task(TASK_REVIEW_SERVICE, lifecycle).getId());
		assertThat((String) form.get(ServiceLifecycleProcess.Variables.REVIEW_REASONS))
			.startsWith("SLA breach: on-time-delivery 70 in " + thisMonth);
		assertThat(form).containsEntry(ReviewDecisions.SLA_HEALTH, "breached")
			.containsEntry(ReviewDecisions.RECOMMENDATION, ReviewOutcome.TRANSFORM.value())
			.containsEntry(ReviewDecisions.RECOMMENDATION_REASON,
					"Agreements breached: redesign the service so that it can keep them")
			.containsEntry(ReviewDecisions.CUSTOMER_SATISFACTION, null)
			.containsEntry(ReviewDecisions.UTILISATION, null)
			.containsEntry(ReviewDecisions.PERFORMANCE_SUMMARY,
					"on-time-delivery (PROJECT_MANAGERS), agreed at least 90 %: 70 in " + thisMonth + ", breached");
		assertThat(historyService().createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey(ReviewDecisions.REVIEW_RECOMMENDATION)
			.processInstanceId(lifecycle.getId())
			.count()).isEqualTo(1);
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.RECOMMENDED))
			.extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getDecision, ServiceHistoryEntry::getActor,
					ServiceHistoryEntry::getComment)
			.containsExactly("Recommend review outcome", ReviewOutcome.TRANSFORM.value(), null,
					"Agreements breached: redesign the service so that it can keep them");

		// when a second low value arrives in the same month
		this.agreements.record(code, List.of(new MeasurementInput("on-time-delivery", PROJECT_MANAGERS, thisMonth, 60.0)),
				ANALYST);

		// then there is still one review
		assertThat(taskQuery().processInstanceId(lifecycle.getId()).taskDefinitionKey(TASK_REVIEW_SERVICE).count())
			.isEqualTo(1);
		assertThat(this.driver.history(lifecycle, HistoryKind.REVIEW_OPENED)).hasSize(1);
	}

	@Test
	void shouldRecommendFromSatisfactionAndUtilisation() {
		// given a live service whose customers are unhappy with it, and which is hardly used
		ProcessInstance lifecycle = this.driver.live("PM coaching service");
		String code = lifecycle.getBusinessKey();
		this.agreements.replace(code, List.of(
				new AgreementTerms(null, "customer-satisfaction", MetricUnit.SCORE_1_TO_5, Direction.AT_LEAST, 2.0,
						null, null),
				new AgreementTerms(null, "utilisation", MetricUnit.PERCENT, Direction.AT_LEAST, 10.0, null, null)),
				ANALYST);
		String thisMonth = YearMonth.from(ClockUtil.now().toInstant().atZone(ZoneOffset.UTC)).toString();
		this.agreements.record(code,
				List.of(new MeasurementInput("customer-satisfaction", null, thisMonth, 2.5),
						new MeasurementInput("utilisation", null, thisMonth, 15.0)),
				ANALYST);

		// when a customer's complaint asks for a review
		this.driver.requestReview(code, "Complaint about the coaching sessions");

		// then this month's figures reach the decision
		assertThat(formService().getTaskFormVariables(task(TASK_REVIEW_SERVICE, lifecycle).getId()))
			.containsEntry(ReviewDecisions.CUSTOMER_SATISFACTION, 2.5)
			.containsEntry(ReviewDecisions.UTILISATION, 15.0)
			.containsEntry(ReviewDecisions.SLA_HEALTH, "met")
			.containsEntry(ReviewDecisions.RECOMMENDATION, ReviewOutcome.TRANSFORM.value())
			.containsEntry(ReviewDecisions.RECOMMENDATION_REASON,
					"Customers are dissatisfied (under 3 of 5): redesign the service with them");
	}

	// operation: review cycle

	@Test
	void shouldApplyChangedReviewCycleFromTheNextReview() {
		// given a live service reviewed every six months
		ProcessInstance lifecycle = this.driver.live("Quarterly portfolio review");
		Job plannedReview = this.driver.periodicReviewTimer(lifecycle);

		// when the cycle becomes monthly
		this.reviewCycles.change(lifecycle.getBusinessKey(), "R/P1M", MANAGER);

		// then the review already planned stays
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getReviewCycle()).isEqualTo("R/P1M");
		assertThat(service.getNextReviewDue()).isEqualTo(plannedReview.getDuedate().toInstant());
		assertThat(this.driver.periodicReviewTimer(lifecycle).getDuedate()).isEqualTo(plannedReview.getDuedate());
		assertThat(lifecycle).variables().containsEntry(ServiceLifecycleProcess.Variables.REVIEW_CYCLE, "R/P1M");
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.REVIEW_CYCLE_CHANGED))
			.extracting(ServiceHistoryEntry::getActor, ServiceHistoryEntry::getComment)
			.containsExactly(MANAGER, "Review cycle R/P6M changed to R/P1M, from the next review on");

		// when that review is due
		ProcessTestDriver.fireTimer(plannedReview);

		// then the one after follows the new cycle, in the engine and in the catalog
		Job nextReview = this.driver.periodicReviewTimer(lifecycle);
		assertThat(nextReview.getDuedate()).isEqualTo(ProcessTestDriver.dueAfter(plannedReview.getDuedate().toInstant(), "P1M"));
		assertThat(this.driver.service(lifecycle).getNextReviewDue()).isEqualTo(nextReview.getDuedate().toInstant());
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.REVIEW_OPENED).getComment())
			.isEqualTo("Periodic review (cycle R/P1M)");
	}

	@Test
	void shouldRefuseInvalidReviewCycleChange() {
		// given
		ProcessInstance lifecycle = this.driver.live("Risk register support");
		String code = lifecycle.getBusinessKey();

		// when / then
		for (String invalid : new String[] { "P1M", "R/PT1H", "monthly", " " }) {
			assertThatThrownBy(() -> this.reviewCycles.change(code, invalid, MANAGER)).as(invalid)
				.isInstanceOfSatisfying(InvalidInputException.class,
						(ex) -> assertThat(ex.getField()).isEqualTo(ServiceLifecycleProcess.Variables.REVIEW_CYCLE));
		}
		assertThat(this.driver.service(lifecycle).getReviewCycle()).isEqualTo(REVIEW_CYCLE_FROM_DESIGN);
		assertThat(lifecycle).variables()
			.containsEntry(ServiceLifecycleProcess.Variables.REVIEW_CYCLE, REVIEW_CYCLE_FROM_DESIGN);
		assertThat(this.driver.history(lifecycle, HistoryKind.REVIEW_CYCLE_CHANGED)).isEmpty();
	}

	@Test
	void shouldOpenUnscheduledReviewOnRequest() {
		// given
		ProcessInstance lifecycle = this.driver.live("Project health check");
		Job reviewDue = this.driver.periodicReviewTimer(lifecycle);

		// when
		this.driver.requestReview(lifecycle.getBusinessKey(), "SLA breached: two reports came late");

		// then
		assertThat(lifecycle).hasPassed(EVENT_UNSCHEDULED_REVIEW_REQUESTED)
			.isWaitingAt(TASK_OPERATE_SERVICE, TASK_REVIEW_SERVICE);
		assertThat(task(TASK_REVIEW_SERVICE, lifecycle)).hasCandidateGroup(Groups.PMO_MANAGERS);
		assertThat(lifecycle).variables()
			.containsEntry(ServiceLifecycleProcess.Variables.REVIEW_REASONS, "SLA breached: two reports came late")
			.containsEntry(ServiceLifecycleProcess.Variables.REVIEW_OPEN, true);
		// the periodic reviews go on as planned
		assertThat(this.driver.periodicReviewTimer(lifecycle).getId()).isEqualTo(reviewDue.getId());
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.OPERATION);
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.REVIEW_OPENED))
			.extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getComment)
			.containsExactly("Unscheduled review requested", "SLA breached: two reports came late");
	}

	// operation: one review at a time

	@Test
	void shouldTakeASecondRequestIntoTheOpenReview() {
		// given a review opened by a breach
		ProcessInstance lifecycle = this.driver.live("Delivery assurance");
		String code = lifecycle.getBusinessKey();
		this.driver.requestReview(code, "SLA breach: on-time-delivery 70 in 2025-06");

		// when another agreement is breached while it is open
		this.driver.requestReview(code, "SLA breach: customer-satisfaction 3 in 2025-06");

		// then one review, whose form lists both
		assertThat(lifecycle).hasPassed(TASK_JOIN_UNSCHEDULED_REVIEW, END_UNSCHEDULED_REVIEW_JOINED)
			.isWaitingAt(TASK_OPERATE_SERVICE, TASK_REVIEW_SERVICE);
		assertThat(taskQuery().processInstanceId(lifecycle.getId()).taskDefinitionKey(TASK_REVIEW_SERVICE).count())
			.isEqualTo(1);
		assertThat(formService().getTaskFormVariables(task(TASK_REVIEW_SERVICE, lifecycle).getId()))
			.containsEntry(ServiceLifecycleProcess.Variables.REVIEW_REASONS,
					"SLA breach: on-time-delivery 70 in 2025-06\nSLA breach: customer-satisfaction 3 in 2025-06");
		assertThat(this.driver.history(lifecycle, HistoryKind.REVIEW_OPENED)).hasSize(1);
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.REVIEW_JOINED))
			.extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getComment)
			.containsExactly("Unscheduled review requested", "SLA breach: customer-satisfaction 3 in 2025-06");
		// the recommendation was made once, for the review
		assertThat(historyService().createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey(ReviewDecisions.REVIEW_RECOMMENDATION)
			.processInstanceId(lifecycle.getId())
			.count()).isEqualTo(1);
	}

	@Test
	void shouldTakeThePeriodicReviewIntoTheOpenUnscheduledReview() {
		// given an unscheduled review waiting for the PMO managers
		ProcessInstance lifecycle = this.driver.live("Benefits tracking");
		Job reviewDue = this.driver.periodicReviewTimer(lifecycle);
		this.driver.requestReview(lifecycle.getBusinessKey(), "Complaint from the finance programme");

		// when the periodic review falls due meanwhile
		ProcessTestDriver.fireTimer(reviewDue);

		// then it joins the open review, and the next periodic review is planned as the cycle says
		assertThat(lifecycle).hasPassed(TASK_JOIN_PERIODIC_REVIEW, END_PERIODIC_REVIEW_JOINED);
		assertThat(taskQuery().processInstanceId(lifecycle.getId()).taskDefinitionKey(TASK_REVIEW_SERVICE).count())
			.isEqualTo(1);
		assertThat((String) formService().getTaskFormVariables(task(TASK_REVIEW_SERVICE, lifecycle).getId())
			.get(ServiceLifecycleProcess.Variables.REVIEW_REASONS)).isEqualTo("Complaint from the finance programme\n"
					+ "Periodic review (cycle " + REVIEW_CYCLE_FROM_DESIGN + "): taken into the review already open");
		Job nextReview = this.driver.periodicReviewTimer(lifecycle);
		assertThat(nextReview.getId()).isNotEqualTo(reviewDue.getId());
		assertThat(this.driver.service(lifecycle).getNextReviewDue()).isEqualTo(nextReview.getDuedate().toInstant());
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.REVIEW_JOINED).getActivity())
			.isEqualTo("Periodic review due");
	}

	@Test
	void shouldTakeARequestIntoTheOpenPeriodicReviewAndOpenANewOneAfterTheDecision() {
		// given a periodic review waiting, and a manager's request that joined it
		ProcessInstance lifecycle = this.driver.live("Schedule assurance");
		String code = lifecycle.getBusinessKey();
		this.driver.periodicReviewDue(lifecycle);
		this.driver.requestReview(code, "Two projects asked for it");
		assertThat(lifecycle).hasPassed(TASK_JOIN_UNSCHEDULED_REVIEW);
		assertThat(taskQuery().processInstanceId(lifecycle.getId()).taskDefinitionKey(TASK_REVIEW_SERVICE).count())
			.isEqualTo(1);

		// when the review is decided and a new request comes
		this.driver.reviewService(lifecycle, ReviewOutcome.CONTINUE);
		assertThat(lifecycle).variables().containsEntry(ServiceLifecycleProcess.Variables.REVIEW_OPEN, false);
		this.driver.requestReview(code, "A new complaint");

		// then that one opens a review of its own, with only its own reason
		assertThat(taskQuery().processInstanceId(lifecycle.getId()).taskDefinitionKey(TASK_REVIEW_SERVICE).count())
			.isEqualTo(1);
		assertThat(formService().getTaskFormVariables(task(TASK_REVIEW_SERVICE, lifecycle).getId()))
			.containsEntry(ServiceLifecycleProcess.Variables.REVIEW_REASONS, "A new complaint");
		assertThat(this.driver.history(lifecycle, HistoryKind.REVIEW_OPENED)).hasSize(2);
	}

	@Test
	void shouldContinueServiceAfterReview() {
		// given
		ProcessInstance lifecycle = this.driver.live("Stage-gate assurance review");
		this.driver.periodicReviewDue(lifecycle);

		// when
		this.driver.reviewService(lifecycle, ReviewOutcome.CONTINUE);

		// then
		assertThat(lifecycle).hasPassed(TASK_REVIEW_SERVICE, END_SERVICE_CONTINUES)
			.isWaitingAt(TASK_OPERATE_SERVICE)
			.isNotWaitingAt(TASK_REVIEW_SERVICE);
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.OPERATION);
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.TASK_COMPLETED))
			.extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getDecision,
					ServiceHistoryEntry::getActor)
			.containsExactly("Review service", ReviewOutcome.CONTINUE.value(), MANAGER);
	}

	// transform or retire

	@Test
	void shouldTransformServiceAfterReview() {
		// given
		ProcessInstance lifecycle = this.driver.live("Portfolio report");
		this.driver.requestReview(lifecycle.getBusinessKey(), "Executives want a one-page summary");

		// when
		this.driver.reviewService(lifecycle, ReviewOutcome.TRANSFORM);

		// then
		assertThat(lifecycle).hasPassed(TASK_REVIEW_SERVICE).isWaitingAt(CALL_TRANSFORM_SERVICE);
		ProcessInstance transform = calledProcessInstance(ServiceLifecycleProcess.TRANSFORM_KEY, lifecycle);
		assertThat(transform).hasBusinessKey(lifecycle.getBusinessKey()).isWaitingAt(Transform.TASK_REDESIGN_SERVICE);
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.TRANSFORM);
		assertThat(service.getNextReviewDue()).isNull();
		assertThat(jobQuery().processInstanceId(lifecycle.getId()).count()).isZero();
		assertStageChange(lifecycle, Stage.OPERATION, Stage.TRANSFORM, ReviewOutcome.TRANSFORM.value(), MANAGER);
	}

	@Test
	void shouldOperateNewVersionWhenTransformationIsLive() {
		// given
		ProcessInstance lifecycle = this.driver.live("PM coaching");
		ProcessInstance transform = this.driver.inTransformation(lifecycle);
		this.driver.toTransformationPilotReview(transform);
		this.driver.reviewTransformationPilot(transform, Decision.APPROVE);
		this.driver.approveTransformationGoLive(transform, Decision.APPROVE);

		// when
		this.driver.releaseNewVersion(transform);

		// then
		assertThat(transform).isEnded();
		assertThat(lifecycle).hasPassed(CALL_TRANSFORM_SERVICE).isWaitingAt(TASK_OPERATE_SERVICE);
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.OPERATION);
		assertThat(service.getServiceVersion()).isEqualTo(2);
		assertThat(service.getNextReviewDue())
			.isEqualTo(this.driver.periodicReviewTimer(lifecycle).getDuedate().toInstant());
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.STAGE_CHANGED))
			.extracting(ServiceHistoryEntry::getFromStage, ServiceHistoryEntry::getToStage)
			.containsExactly(Stage.TRANSFORM, Stage.OPERATION);
	}

	@Test
	void shouldRetireServiceAfterReview() {
		// given
		ProcessInstance lifecycle = this.driver.live("Resource capacity plan");
		this.driver.requestReview(lifecycle.getBusinessKey(), "Planning moves into the resource tool");

		// when
		this.driver.reviewService(lifecycle, ReviewOutcome.RETIRE);

		// then
		assertThat(lifecycle).hasPassed(TASK_REVIEW_SERVICE).isWaitingAt(CALL_RETIRE_SERVICE);
		ProcessInstance retirement = calledProcessInstance(ServiceLifecycleProcess.RETIREMENT_KEY, lifecycle);
		assertThat(retirement).hasBusinessKey(lifecycle.getBusinessKey())
			.isWaitingAt(ServiceLifecycleProcess.Retirement.TASK_PLAN_RETIREMENT);
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.RETIREMENT);
		assertThat(service.getNextReviewDue()).isNull();
		assertStageChange(lifecycle, Stage.OPERATION, Stage.RETIREMENT, ReviewOutcome.RETIRE.value(), MANAGER);
	}

	@Test
	void shouldEndLifecycleWhenServiceIsDecommissioned() {
		// given
		ProcessInstance lifecycle = this.driver.live("Paper templates");
		ProcessInstance retirement = this.driver.inRetirement(lifecycle);
		this.driver.planRetirement(retirement);
		this.driver.approveRetirement(retirement, Decision.APPROVE);

		// when
		this.driver.notifyCustomers(retirement);
		this.driver.decommission(retirement);

		// then
		assertThat(retirement).isEnded();
		assertThat(lifecycle).hasPassed(CALL_RETIRE_SERVICE, END_SERVICE_RETIRED).isEnded();
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.RETIRED);
		assertThat(service.getPortfolioPhase()).isEqualTo(PortfolioPhase.RETIRED);
		assertThat(service.getNextReviewDue()).isNull();
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.STAGE_CHANGED))
			.extracting(ServiceHistoryEntry::getFromStage, ServiceHistoryEntry::getToStage,
					ServiceHistoryEntry::getDecision)
			.containsExactly(Stage.RETIREMENT, Stage.RETIRED, Decision.APPROVE.value());
		assertThat(jobQuery().processInstanceId(lifecycle.getId()).count()).isZero();
	}

	@Test
	void shouldKeepOperatingWhenRetirementRejected() {
		// given
		ProcessInstance lifecycle = this.driver.live("Quarterly risk review");
		ProcessInstance retirement = this.driver.inRetirement(lifecycle);
		this.driver.planRetirement(retirement);

		// when
		this.driver.approveRetirement(retirement, Decision.REJECT);

		// then
		assertThat(retirement).isEnded();
		assertThat(lifecycle).hasPassed(CALL_RETIRE_SERVICE).hasNotPassed(END_SERVICE_RETIRED)
			.isWaitingAt(TASK_OPERATE_SERVICE);
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.OPERATION);
		assertThat(service.getNextReviewDue())
			.isEqualTo(this.driver.periodicReviewTimer(lifecycle).getDuedate().toInstant());
		assertStageChange(lifecycle, Stage.RETIREMENT, Stage.OPERATION, Decision.REJECT.value(), BOARD_MEMBER);
	}

	// task audit

	@Test
	void shouldRecordCompletedTaskWithActorAndDecision() {
		// given
		ProcessInstance lifecycle = this.driver.request("Project start-up workshop");

		// when
		this.driver.evaluateNeed(lifecycle, Decision.APPROVE);

		// then
		assertThat(this.driver.history(lifecycle, HistoryKind.TASK_COMPLETED)).singleElement()
			.extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getDecision,
					ServiceHistoryEntry::getActor, ServiceHistoryEntry::getComment)
			.containsExactly("Evaluate service need", Decision.APPROVE.value(), MANAGER, "Need approve");
	}

	@Test
	void shouldNotShowEarlierDecisionInNextTask() {
		// given
		ProcessInstance lifecycle = this.driver.request("Sponsor coaching");

		// when
		this.driver.evaluateNeed(lifecycle, Decision.APPROVE);

		// then the design form starts without the evaluation's decision
		Task design = task(TASK_DESIGN_SERVICE, lifecycle);
		assertThat(taskService().getVariables(design.getId())).doesNotContainKeys(
				ServiceLifecycleProcess.Variables.DECISION, ServiceLifecycleProcess.Variables.DECISION_COMMENT,
				ServiceLifecycleProcess.Variables.REVIEW_OUTCOME);
		// and completing the design records no decision of its own
		this.driver.design(lifecycle);
		List<ServiceHistoryEntry> completed = this.driver.history(lifecycle, HistoryKind.TASK_COMPLETED);
		assertThat(completed).extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getDecision,
				ServiceHistoryEntry::getActor)
			.containsExactly(tuple("Evaluate service need", Decision.APPROVE.value(), MANAGER),
					tuple("Design service", null, ANALYST));
	}

	/** The open approval now has the PMO managers as candidates too, a raised priority, and a line in the history. */
	private void assertEscalated(ProcessInstance lifecycle, Task approval, String activity) {
		assertThat(approval).hasCandidateGroup(Groups.PORTFOLIO_BOARD).hasCandidateGroup(Groups.PMO_MANAGERS);
		assertThat(approval.getPriority()).isEqualTo(80);
		assertThat(taskQuery().taskCandidateGroup(Groups.PMO_MANAGERS).taskId(approval.getId()).count()).isEqualTo(1);
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.ESCALATED))
			.extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getActor)
			.containsExactly(activity, null);
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.ESCALATED).getComment())
			.startsWith("Overdue since ")
			.endsWith(": pmo-managers added as candidates, priority 80");
	}

	private void assertStageChange(ProcessInstance lifecycle, Stage from, Stage to, String decision, String actor) {
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.STAGE_CHANGED))
			.extracting(ServiceHistoryEntry::getFromStage, ServiceHistoryEntry::getToStage,
					ServiceHistoryEntry::getDecision, ServiceHistoryEntry::getActor)
			.containsExactly(from, to, decision, actor);
	}

}
