package org.pmo.servicelifecycle.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.agreement.AgreementTerms;
import org.pmo.servicelifecycle.agreement.Direction;
import org.pmo.servicelifecycle.agreement.MetricUnit;
import org.pmo.servicelifecycle.agreement.OfferingBook;
import org.pmo.servicelifecycle.agreement.OfferingTerms;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.demo.EngineTransport;
import org.pmo.servicelifecycle.demo.LifecycleDriver;
import org.pmo.servicelifecycle.demo.People;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.InvalidLifecycleInputException;
import org.pmo.servicelifecycle.lifecycle.ProcessCoverage;
import org.pmo.servicelifecycle.lifecycle.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Every path through {@code pmo-offering-subscription}: an offering without a limit of places takes the subscriber
 * at once; one with limited places waits for the PMO manager, who approves (while a place is free) or declines; a
 * subscription still waiting is withdrawn with its approval.
 */
class SubscriptionProcessTest extends ProcessTestSupport {

	@TestConfiguration(proxyBeanMethods = false)
	static class Coverage {

		@Bean
		@Primary
		ProcessEngineCoverageProperties subscriptionCoverage() {
			return ProcessCoverage.of(SubscriptionProcess.KEY);
		}

	}

	@Autowired
	Customers customers;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	OfferingBook offerings;

	private EngineTransport engineApi;

	private String service;

	private String run;

	@BeforeEach
	void aLiveServiceWithTwoAdditionalOfferings() {
		this.engineApi = new EngineTransport(this.processEngine, this.requests);
		this.run = UUID.randomUUID().toString().substring(0, 8);
		this.service = new LifecycleDriver(this.engineApi, People.DEMO).live("Health check " + this.run,
				Set.of(CustomerSegment.PROJECT_MANAGERS, CustomerSegment.SENIOR_EXECUTIVES));
		AgreementTerms onTime = new AgreementTerms(null, "on-time-delivery", MetricUnit.PERCENT, Direction.AT_LEAST,
				90.0, null, null);
		this.offerings.replace(this.service, List.of(
				new OfferingTerms(CustomerSegment.PROJECT_MANAGERS, OfferingLevel.ADDITIONAL, 1, null, List.of(onTime)),
				new OfferingTerms(CustomerSegment.SENIOR_EXECUTIVES, OfferingLevel.ADDITIONAL, null, null,
						List.of(onTime))),
				People.DEMO.analyst());
	}

	@Test
	void shouldTakeTheSubscriberAtOnceWhereThePlacesAreNotLimited() {
		// when
		SubscriptionView subscription = this.subscriptions.subscribe(customer(CustomerSegment.SENIOR_EXECUTIVES),
				this.service, People.DEMO.manager());

		// then
		assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		HistoricProcessInstance process = processOf(subscription);
		assertThat(process.getEndActivityId()).isEqualTo("End_SubscriptionActive");
		assertThat(this.processEngine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(process.getId())
			.activityId("Task_ApproveSubscription")
			.count()).isZero();
	}

	@Test
	void shouldWaitForThePmoManagerWhereThePlacesAreLimitedAndTakeTheSubscriberOnApproval() {
		// given
		SubscriptionView subscription = this.subscriptions.subscribe(customer(CustomerSegment.PROJECT_MANAGERS),
				this.service, People.DEMO.customer());
		ProcessInstance process = running(subscription);
		assertThat(subscription.status()).isEqualTo(SubscriptionStatus.PENDING);
		assertThat(process).isWaitingAt("Task_ApproveSubscription");
		Task approval = approvalOf(process);
		assertThat(approval).hasCandidateGroup(Groups.PMO_MANAGERS);
		assertThat(this.processEngine.getFormService().getTaskFormVariables(approval.getId()))
			.containsEntry(SubscriptionProcess.PLACES, "0 of 1 places taken")
			.containsEntry(SubscriptionProcess.SEGMENT, "Project managers");

		// when
		this.engineApi.completeTask(People.DEMO.manager(), approval.getId(),
				Map.of(SubscriptionProcess.DECISION, "approve", SubscriptionProcess.DECISION_COMMENT, "Place confirmed"));

		// then
		assertThat(process).isEnded().hasPassed("Task_ActivateSubscription", "End_SubscriptionActive");
		SubscriptionView active = this.subscriptions.of(subscription.customer()).get(0);
		assertThat(active.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(active.decidedBy()).isEqualTo(People.DEMO.manager());
		assertThat(active.comment()).isEqualTo("Place confirmed");
	}

	@Test
	void shouldDeclineWhenThePmoManagerSaysSo() {
		// given
		SubscriptionView subscription = this.subscriptions.subscribe(customer(CustomerSegment.PROJECT_MANAGERS),
				this.service, People.DEMO.customer());
		ProcessInstance process = running(subscription);

		// when
		this.engineApi.completeTask(People.DEMO.manager(), approvalOf(process).getId(),
				Map.of(SubscriptionProcess.DECISION, "reject", SubscriptionProcess.DECISION_COMMENT, "No place this year"));

		// then
		assertThat(process).isEnded().hasPassed("Task_DeclineSubscription", "End_SubscriptionDeclined");
		SubscriptionView declined = this.subscriptions.of(subscription.customer()).get(0);
		assertThat(declined.status()).isEqualTo(SubscriptionStatus.DECLINED);
		assertThat(declined.comment()).isEqualTo("No place this year");
	}

	@Test
	void shouldRefuseTheApprovalWhenNoPlaceIsLeft() {
		// given the one place taken while a second customer waits
		SubscriptionView first = this.subscriptions.subscribe(customer(CustomerSegment.PROJECT_MANAGERS), this.service,
				People.DEMO.customer());
		SubscriptionView second = this.subscriptions.subscribe(customer(CustomerSegment.PROJECT_MANAGERS),
				this.service, People.DEMO.customer());
		this.engineApi.completeTask(People.DEMO.manager(), approvalOf(running(first)).getId(),
				Map.of(SubscriptionProcess.DECISION, "approve"));
		ProcessInstance waiting = running(second);
		Task approval = approvalOf(waiting);

		// when / then
		assertThatThrownBy(() -> this.engineApi.completeTask(People.DEMO.manager(), approval.getId(),
				Map.of(SubscriptionProcess.DECISION, "approve")))
			.hasRootCauseInstanceOf(InvalidLifecycleInputException.class)
			.hasMessageContaining("the offering is full (1 of 1 places taken)");
		assertThat(waiting).isWaitingAt("Task_ApproveSubscription");
		assertThat(this.subscriptions.of(second.customer()).get(0).status()).isEqualTo(SubscriptionStatus.PENDING);
	}

	@Test
	void shouldLeaveTheDecisionToAnotherManagerThanTheOneWhoAsked() {
		// given a PMO manager who asked for a place for a customer
		SubscriptionView subscription = this.subscriptions.subscribe(customer(CustomerSegment.PROJECT_MANAGERS),
				this.service, People.DEMO.manager());
		Task approval = approvalOf(running(subscription));

		// when / then
		for (String decision : List.of("approve", "reject")) {
			assertThatThrownBy(() -> this.engineApi.completeTask(People.DEMO.manager(), approval.getId(),
					Map.of(SubscriptionProcess.DECISION, decision)))
				.hasRootCauseInstanceOf(InvalidLifecycleInputException.class)
				.hasMessageContaining("another PMO manager decides it");
		}
		assertThat(this.subscriptions.of(subscription.customer()).get(0).status()).isEqualTo(SubscriptionStatus.PENDING);
	}

	@Test
	void shouldWithdrawASubscriptionStillWaitingWithItsApproval() {
		// given
		SubscriptionView subscription = this.subscriptions.subscribe(customer(CustomerSegment.PROJECT_MANAGERS),
				this.service, People.DEMO.customer());
		ProcessInstance process = running(subscription);

		// when
		SubscriptionView ended = this.subscriptions.end(subscription.customer(), subscription.id(),
				People.DEMO.customer());

		// then
		assertThat(ended.status()).isEqualTo(SubscriptionStatus.ENDED);
		assertThat(this.processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(process.getId())
			.count()).isZero();
		assertThat(this.processEngine.getTaskService()
			.createTaskQuery()
			.processInstanceId(process.getId())
			.count()).isZero();
	}

	private long customer(CustomerSegment segment) {
		return this.customers.create(new CustomerTerms(segment + " customer " + UUID.randomUUID(), segment,
				"pmo-" + this.run + "@example.org", List.of()), People.DEMO.manager()).id();
	}

	private ProcessInstance running(SubscriptionView subscription) {
		return this.processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(String.format("SUB-%04d", subscription.id()))
			.singleResult();
	}

	private HistoricProcessInstance processOf(SubscriptionView subscription) {
		return this.processEngine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(String.format("SUB-%04d", subscription.id()))
			.singleResult();
	}

	private Task approvalOf(ProcessInstance process) {
		return this.processEngine.getTaskService()
			.createTaskQuery()
			.processInstanceId(process.getId())
			.taskDefinitionKey("Task_ApproveSubscription")
			.singleResult();
	}

}
