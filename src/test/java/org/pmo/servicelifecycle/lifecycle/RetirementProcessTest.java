package org.pmo.servicelifecycle.lifecycle;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.pmo.servicelifecycle.lifecycle.ProcessTestDriver.ANALYST;
import static org.pmo.servicelifecycle.lifecycle.ProcessTestDriver.BOARD_MEMBER;
import static org.pmo.servicelifecycle.lifecycle.ProcessTestDriver.RETIREMENT_DAY;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement.*;

import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceHistoryEntry;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Every path through {@code pmo-service-retirement}. Each retirement starts the way it does in production: a review
 * of a live service asks for it, and the lifecycle calls the retirement with the service's code.
 */
class RetirementProcessTest extends ProcessTestSupport {

	@TestConfiguration(proxyBeanMethods = false)
	static class Coverage {

		// takes the place of the coverage configuration's default
		@Bean
		@Primary
		ProcessEngineCoverageProperties retirementCoverage() {
			return ProcessCoverage.of(ServiceLifecycleProcess.RETIREMENT_KEY);
		}

	}

	@Test
	void shouldStartWithRetirementPlanUnderServiceCode() {
		// given
		ProcessInstance lifecycle = this.driver.live("Resource capacity planning");

		// when
		ProcessInstance retirement = this.driver.inRetirement(lifecycle);

		// then
		assertThat(retirement).hasProcessDefinitionKey(ServiceLifecycleProcess.RETIREMENT_KEY)
			.hasBusinessKey(lifecycle.getBusinessKey())
			.isWaitingAt(TASK_PLAN_RETIREMENT);
		assertThat(task()).hasCandidateGroup(Groups.PMO_ANALYSTS);
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.RETIREMENT);
	}

	@Test
	void shouldAskBoardToApprovePlannedRetirement() {
		// given
		ProcessInstance lifecycle = this.driver.live("Paper status reports");
		ProcessInstance retirement = this.driver.inRetirement(lifecycle);

		// when
		this.driver.planRetirement(retirement);

		// then
		assertThat(retirement).hasPassed(TASK_PLAN_RETIREMENT).isWaitingAt(TASK_APPROVE_RETIREMENT);
		assertThat(task(retirement)).hasCandidateGroup(Groups.PORTFOLIO_BOARD);
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.TASK_COMPLETED))
			.extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getDecision,
					ServiceHistoryEntry::getActor)
			.containsExactly("Plan retirement", null, ANALYST);
	}

	@Test
	void shouldNotifyCustomersAndDecommissionWhenRetirementApproved() {
		// given
		ProcessInstance lifecycle = this.driver.live("Manual timesheet checks");
		ProcessInstance retirement = this.driver.inRetirement(lifecycle);
		this.driver.planRetirement(retirement);

		// when
		this.driver.approveRetirement(retirement, Decision.APPROVE);
		// then customers are notified in a step of its own
		assertThat(retirement).hasPassed(TASK_APPROVE_RETIREMENT).isWaitingAt(TASK_NOTIFY_CUSTOMERS);
		assertThat(this.driver.history(lifecycle, HistoryKind.CUSTOMERS_NOTIFIED)).isEmpty();

		// when
		this.driver.notifyCustomers(retirement);
		// then
		assertThat(retirement).hasPassed(TASK_NOTIFY_CUSTOMERS).isWaitingAt(EVENT_RETIREMENT_DATE_REACHED);
		// the service stays live until its date: still in stage RETIREMENT, its timer set for the date
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.RETIREMENT);
		assertThat(jobQuery().processInstanceId(retirement.getId()).timers().singleResult().getDuedate())
			.isEqualTo(java.util.Date.from(RETIREMENT_DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.CUSTOMERS_NOTIFIED).getComment())
			.contains("PROJECT_MANAGERS", "Manual timesheet checks retires on " + RETIREMENT_DAY,
					"Please use the successor service.");

		// when
		this.driver.decommission(retirement);
		// then
		assertThat(retirement).hasPassedInOrder(TASK_APPROVE_RETIREMENT, TASK_NOTIFY_CUSTOMERS,
				EVENT_RETIREMENT_DATE_REACHED, TASK_DECOMMISSION_SERVICE, END_SERVICE_DECOMMISSIONED)
			.hasNotPassed(END_RETIREMENT_REJECTED)
			.isEnded();
		assertThat(lifecycle).hasPassed(Lifecycle.END_SERVICE_RETIRED).isEnded();
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.RETIRED);
		assertThat(service.getNextReviewDue()).isNull();
		assertThat(this.driver.history(lifecycle, HistoryKind.DECOMMISSIONED)).singleElement()
			.extracting(ServiceHistoryEntry::getActivity)
			.isEqualTo("Decommission service");
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.TASK_COMPLETED))
			.extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getDecision,
					ServiceHistoryEntry::getActor)
			.containsExactly("Approve retirement", Decision.APPROVE.value(), BOARD_MEMBER);
	}

	@Test
	void shouldEscalateOverdueRetirementApproval() {
		// given
		ProcessInstance lifecycle = this.driver.live("Printed project handbook");
		ProcessInstance retirement = this.driver.inRetirement(lifecycle);
		this.driver.planRetirement(retirement);
		assertThat(task(TASK_APPROVE_RETIREMENT, retirement).getDueDate())
			.isEqualTo(ProcessTestDriver.dueAfter(ClockUtil.now().toInstant(), "P10D"));

		// when
		ProcessTestDriver.fireTimer(job(EVENT_APPROVAL_OVERDUE, retirement));

		// then the approval stays open, the PMO managers see it too, with a higher priority
		assertThat(retirement).hasPassed(EVENT_APPROVAL_OVERDUE, TASK_ESCALATE_APPROVAL, END_APPROVAL_ESCALATED)
			.isWaitingAt(TASK_APPROVE_RETIREMENT);
		assertThat(task(TASK_APPROVE_RETIREMENT, retirement)).hasCandidateGroup(Groups.PORTFOLIO_BOARD)
			.hasCandidateGroup(Groups.PMO_MANAGERS);
		assertThat(task(TASK_APPROVE_RETIREMENT, retirement).getPriority()).isEqualTo(80);
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.ESCALATED))
			.extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getActor)
			.containsExactly("Approve retirement", null);
	}

	@Test
	void shouldPlanAgainWhenRetirementNeedsRework() {
		// given
		ProcessInstance lifecycle = this.driver.live("Project office hours");
		ProcessInstance retirement = this.driver.inRetirement(lifecycle);
		this.driver.planRetirement(retirement);

		// when
		this.driver.approveRetirement(retirement, Decision.REWORK);

		// then
		assertThat(retirement).hasPassed(TASK_APPROVE_RETIREMENT).isWaitingAt(TASK_PLAN_RETIREMENT);
		assertThat(task(retirement)).hasCandidateGroup(Groups.PMO_ANALYSTS);
		assertThat(taskService().getVariables(task(retirement).getId()))
			.doesNotContainKey(ServiceLifecycleProcess.Variables.DECISION);
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.RETIREMENT);
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.TASK_COMPLETED))
			.extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getDecision,
					ServiceHistoryEntry::getActor)
			.containsExactly("Approve retirement", Decision.REWORK.value(), BOARD_MEMBER);

		// and when planned again, the board decides again
		this.driver.planRetirement(retirement);
		assertThat(retirement).isWaitingAt(TASK_APPROVE_RETIREMENT);
	}

	@Test
	void shouldKeepServiceWhenRetirementRejected() {
		// given
		ProcessInstance lifecycle = this.driver.live("Portfolio prioritisation");
		ProcessInstance retirement = this.driver.inRetirement(lifecycle);
		this.driver.planRetirement(retirement);

		// when
		this.driver.approveRetirement(retirement, Decision.REJECT);

		// then
		assertThat(retirement).hasPassed(TASK_APPROVE_RETIREMENT, END_RETIREMENT_REJECTED)
			.hasNotPassed(TASK_NOTIFY_CUSTOMERS)
			.isEnded();
		assertThat(lifecycle).isWaitingAt(Lifecycle.TASK_OPERATE_SERVICE);
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.OPERATION);
		assertThat(service.getNextReviewDue()).isNotNull();
		assertThat(this.driver.history(lifecycle, HistoryKind.CUSTOMERS_NOTIFIED)).isEmpty();
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.STAGE_CHANGED))
			.extracting(ServiceHistoryEntry::getFromStage, ServiceHistoryEntry::getToStage,
					ServiceHistoryEntry::getDecision, ServiceHistoryEntry::getActor)
			.containsExactly(Stage.RETIREMENT, Stage.OPERATION, Decision.REJECT.value(), BOARD_MEMBER);
	}

	@Test
	void shouldRefuseARetirementDateInsideTheNoticePeriod() {
		// given a retirement to plan: four weeks of notice from today make the earliest date
		ProcessInstance lifecycle = this.driver.live("Paper status reports");
		ProcessInstance retirement = this.driver.inRetirement(lifecycle);
		java.time.LocalDate today = java.time.LocalDate.ofInstant(ClockUtil.now().toInstant(), java.time.ZoneOffset.UTC);

		// when / then
		for (java.time.LocalDate date : List.of(today.minusDays(1), today.plusDays(27))) {
			assertThatThrownBy(() -> this.driver.planRetirement(retirement, date))
				.as(date.toString())
				.hasRootCauseInstanceOf(InvalidLifecycleInputException.class)
				.hasMessageContaining("retirementDate: must be on " + today.plusWeeks(4) + " or later")
				.hasMessageContaining("customers are told 4 weeks ahead");
		}
		assertThat(retirement).isWaitingAt(TASK_PLAN_RETIREMENT);
		this.driver.planRetirement(retirement, today.plusWeeks(4));
		assertThat(retirement).isWaitingAt(TASK_APPROVE_RETIREMENT);
	}

}
