package org.pmo.servicelifecycle.lifecycle;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.pmo.servicelifecycle.lifecycle.ProcessTestDriver.BOARD_MEMBER;
import static org.pmo.servicelifecycle.lifecycle.ProcessTestDriver.MANAGER;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Transform.*;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceHistoryEntry;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.review.ReviewDecisions;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Every path through {@code pmo-service-transform}. Each transformation starts the way it does in production: a
 * review of a live service asks for it, and the lifecycle calls the transformation with the service's code.
 */
class TransformProcessTest extends ProcessTestSupport {

	@TestConfiguration(proxyBeanMethods = false)
	static class Coverage {

		// takes the place of the coverage configuration's default
		@Bean
		@Primary
		ProcessEngineCoverageProperties transformCoverage() {
			return ProcessCoverage.of(ServiceLifecycleProcess.TRANSFORM_KEY);
		}

	}

	@Test
	void shouldStartWithRedesignUnderServiceCode() {
		// given
		ProcessInstance lifecycle = this.driver.live("Project health check");

		// when
		ProcessInstance transform = this.driver.inTransformation(lifecycle);

		// then
		assertThat(transform).hasProcessDefinitionKey(ServiceLifecycleProcess.TRANSFORM_KEY)
			.hasBusinessKey(lifecycle.getBusinessKey())
			.isWaitingAt(TASK_REDESIGN_SERVICE);
		assertThat(task()).hasCandidateGroup(Groups.PMO_ANALYSTS);
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.TRANSFORM);
	}

	@Test
	void shouldReleaseNewVersionWhenAllGatesApprove() {
		// given
		ProcessInstance lifecycle = this.driver.live("Monthly portfolio report");
		ProcessInstance transform = this.driver.inTransformation(lifecycle);

		// when
		this.driver.redesign(transform, "mark", "P14D", "R/P1M");
		this.driver.justifyTransformation(transform, Decision.APPROVE);
		// then the business case went to the board and the pilot of the new version runs for the new period
		assertThat(transform).hasPassed(TASK_REDESIGN_SERVICE, TASK_JUSTIFY_TRANSFORMATION)
			.isWaitingAt(EVENT_PILOT_PERIOD_OVER);
		assertThat(job(EVENT_PILOT_PERIOD_OVER, transform).getDuedate())
			.isEqualTo(ProcessTestDriver.dueAfter(ClockUtil.now().toInstant(), "P14D"));

		// when
		this.driver.endTransformationPilot(transform);
		// then
		assertThat(transform).isWaitingAt(TASK_REVIEW_PILOT);
		assertThat(task(transform)).hasCandidateGroup(Groups.PMO_MANAGERS);

		// when
		this.driver.reviewTransformationPilot(transform, Decision.APPROVE);
		// then
		assertThat(transform).isWaitingAt(TASK_APPROVE_GO_LIVE);
		assertThat(task(transform)).hasCandidateGroup(Groups.PORTFOLIO_BOARD);

		// when
		this.driver.approveTransformationGoLive(transform, Decision.APPROVE);
		// then the release is an asynchronous step; the service stays in transformation until it ran
		assertThat(transform).isWaitingAt(TASK_RELEASE_NEW_VERSION);
		assertThat(this.driver.service(lifecycle).getServiceVersion()).isEqualTo(1);

		// when
		this.driver.releaseNewVersion(transform);
		// then
		assertThat(transform).hasPassed(TASK_RELEASE_NEW_VERSION, END_NEW_VERSION_LIVE)
			.hasNotPassed(END_TRANSFORMATION_ABANDONED)
			.isEnded();
		assertThat(lifecycle).isWaitingAt(Lifecycle.TASK_OPERATE_SERVICE);
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.OPERATION);
		assertThat(service.getServiceVersion()).isEqualTo(2);
		// the terms of the redesign hold for the new version
		assertThat(service.getOwner()).isEqualTo("mark");
		assertThat(service.getPilotPeriod()).isEqualTo("P14D");
		assertThat(service.getReviewCycle()).isEqualTo("R/P1M");
		Job reviewDue = this.driver.periodicReviewTimer(lifecycle);
		assertThat(reviewDue.getDuedate()).isEqualTo(ProcessTestDriver.dueAfter(ClockUtil.now().toInstant(), "P1M"));
		assertThat(service.getNextReviewDue()).isEqualTo(reviewDue.getDuedate().toInstant());
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.VERSION_RELEASED))
			.extracting(ServiceHistoryEntry::getActivity)
			.isEqualTo("Release new service version");
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.STAGE_CHANGED))
			.extracting(ServiceHistoryEntry::getFromStage, ServiceHistoryEntry::getToStage,
					ServiceHistoryEntry::getDecision)
			.containsExactly(Stage.TRANSFORM, Stage.OPERATION, Decision.APPROVE.value());
	}

	@Test
	void shouldReleaseNoTermsTheDesignFormWouldRefuse() {
		// given a redesign that reached the release with an owner who is nobody of the PMO
		ProcessInstance lifecycle = this.driver.live("Resource capacity planning");
		ProcessInstance transform = this.driver.inTransformation(lifecycle);
		this.driver.redesignWithoutAPerson(transform, "olga", "P14D", "R/P1M");
		this.driver.justifyTransformation(transform, Decision.APPROVE);
		this.driver.endTransformationPilot(transform);
		this.driver.reviewTransformationPilot(transform, Decision.APPROVE);
		this.driver.approveTransformationGoLive(transform, Decision.APPROVE);

		// when the release runs, then it fails (a retry, then an incident) and nothing of the new terms holds
		assertThatThrownBy(() -> this.driver.releaseNewVersion(transform)).hasMessageContaining("serviceOwner")
			.hasMessageContaining("olga");
		assertThat(transform).isWaitingAt(TASK_RELEASE_NEW_VERSION);
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getServiceVersion()).isEqualTo(1);
		assertThat(service.getOwner()).isNotEqualTo("olga");
	}

	@Test
	void shouldRedesignAgainWhenBusinessCaseNeedsRework() {
		// given
		ProcessInstance lifecycle = this.driver.live("Stage-gate assurance review");
		ProcessInstance transform = this.driver.inTransformation(lifecycle);
		this.driver.redesign(transform);

		// when
		this.driver.justifyTransformation(transform, Decision.REWORK);

		// then
		assertThat(transform).hasPassed(TASK_JUSTIFY_TRANSFORMATION).isWaitingAt(TASK_REDESIGN_SERVICE);
		assertThat(task(transform)).hasCandidateGroup(Groups.PMO_ANALYSTS);
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.TRANSFORM);
		assertTaskCompleted(lifecycle, "Approve transformation business case", Decision.REWORK.value(), BOARD_MEMBER);
	}

	@Test
	void shouldAbandonTransformationWhenBusinessCaseRejected() {
		// given
		ProcessInstance lifecycle = this.driver.live("PM coaching and mentoring");
		ProcessInstance transform = this.driver.inTransformation(lifecycle);
		this.driver.redesign(transform, MANAGER, "P14D", "R/P1M");

		// when
		this.driver.justifyTransformation(transform, Decision.REJECT);

		// then the service carries on as it was
		assertThat(transform).hasPassed(TASK_JUSTIFY_TRANSFORMATION, END_TRANSFORMATION_ABANDONED)
			.hasNotPassed(EVENT_PILOT_PERIOD_OVER)
			.isEnded();
		assertServiceCarriesOnUnchanged(lifecycle, BOARD_MEMBER);
	}

	@Test
	void shouldExtendTransformationPilot() {
		// given
		ProcessInstance lifecycle = this.driver.live("Lessons-learned facilitation");
		ProcessInstance transform = this.driver.inTransformation(lifecycle);
		this.driver.toTransformationPilotReview(transform);
		Instant firstPilotOver = ClockUtil.now().toInstant();

		// when
		this.driver.reviewTransformationPilot(transform, Decision.EXTEND);

		// then
		assertThat(transform).hasPassed(TASK_REVIEW_PILOT).isWaitingAt(EVENT_PILOT_PERIOD_OVER);
		Job secondPilotOver = job(EVENT_PILOT_PERIOD_OVER, transform);
		assertThat(secondPilotOver.getDuedate())
			.isEqualTo(ProcessTestDriver.dueAfter(firstPilotOver, ProcessTestDriver.PILOT_PERIOD_FROM_DESIGN));
		assertTaskCompleted(lifecycle, "Review transformation pilot", Decision.EXTEND.value(), MANAGER);

		// and when the extension is over, the pilot is reviewed again
		ProcessTestDriver.fireTimer(secondPilotOver);
		assertThat(transform).isWaitingAt(TASK_REVIEW_PILOT);
	}

	@Test
	void shouldRedesignAgainAfterPilot() {
		// given
		ProcessInstance lifecycle = this.driver.live("Resource capacity planning");
		ProcessInstance transform = this.driver.inTransformation(lifecycle);
		this.driver.toTransformationPilotReview(transform);

		// when
		this.driver.reviewTransformationPilot(transform, Decision.REWORK);

		// then
		assertThat(transform).hasPassed(TASK_REVIEW_PILOT).isWaitingAt(TASK_REDESIGN_SERVICE);
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.TRANSFORM);
		assertTaskCompleted(lifecycle, "Review transformation pilot", Decision.REWORK.value(), MANAGER);
	}

	@Test
	void shouldAbandonTransformationAfterPilot() {
		// given
		ProcessInstance lifecycle = this.driver.live("Risk workshop facilitation");
		ProcessInstance transform = this.driver.inTransformation(lifecycle);
		this.driver.toTransformationPilotReview(transform);

		// when
		this.driver.reviewTransformationPilot(transform, Decision.REJECT);

		// then
		assertThat(transform).hasPassed(TASK_REVIEW_PILOT, END_TRANSFORMATION_ABANDONED)
			.hasNotPassed(TASK_APPROVE_GO_LIVE)
			.isEnded();
		assertServiceCarriesOnUnchanged(lifecycle, MANAGER);
	}

	@Test
	void shouldRedesignAgainBeforeNewVersionGoesLive() {
		// given
		ProcessInstance lifecycle = this.driver.live("Benefits realisation review");
		ProcessInstance transform = this.driver.inTransformation(lifecycle);
		this.driver.toTransformationPilotReview(transform);
		this.driver.reviewTransformationPilot(transform, Decision.APPROVE);

		// when
		this.driver.approveTransformationGoLive(transform, Decision.REWORK);

		// then
		assertThat(transform).hasPassed(TASK_APPROVE_GO_LIVE).isWaitingAt(TASK_REDESIGN_SERVICE);
		assertThat(this.driver.service(lifecycle).getStage()).isEqualTo(Stage.TRANSFORM);
		assertTaskCompleted(lifecycle, "Approve go-live of new version", Decision.REWORK.value(), BOARD_MEMBER);
	}

	@Test
	void shouldAbandonTransformationAtGoLive() {
		// given
		ProcessInstance lifecycle = this.driver.live("Estimating clinic");
		ProcessInstance transform = this.driver.inTransformation(lifecycle);
		this.driver.toTransformationPilotReview(transform);
		this.driver.reviewTransformationPilot(transform, Decision.APPROVE);

		// when
		this.driver.approveTransformationGoLive(transform, Decision.REJECT);

		// then
		assertThat(transform).hasPassed(TASK_APPROVE_GO_LIVE, END_TRANSFORMATION_ABANDONED)
			.hasNotPassed(TASK_RELEASE_NEW_VERSION)
			.isEnded();
		assertServiceCarriesOnUnchanged(lifecycle, BOARD_MEMBER);
	}

	@Test
	void shouldEscalateOverdueTransformationBusinessCase() {
		// given
		ProcessInstance lifecycle = this.driver.live("Portfolio dashboard");
		ProcessInstance transform = this.driver.inTransformation(lifecycle);
		this.driver.redesign(transform);
		Task approval = task(TASK_JUSTIFY_TRANSFORMATION, transform);
		assertThat(approval.getDueDate()).isEqualTo(ProcessTestDriver.dueAfter(ClockUtil.now().toInstant(), "P5D"));

		// when
		ProcessTestDriver.fireTimer(job(EVENT_BUSINESS_CASE_OVERDUE, transform));

		// then
		assertThat(transform).hasPassed(TASK_ESCALATE_BUSINESS_CASE, END_BUSINESS_CASE_ESCALATED)
			.isWaitingAt(TASK_JUSTIFY_TRANSFORMATION);
		assertEscalated(lifecycle, task(TASK_JUSTIFY_TRANSFORMATION, transform),
				"Approve transformation business case");
	}

	@Test
	void shouldEscalateOverdueGoLiveOfNewVersion() {
		// given
		ProcessInstance lifecycle = this.driver.live("Benefits review");
		ProcessInstance transform = this.driver.inTransformation(lifecycle);
		this.driver.toTransformationPilotReview(transform);
		this.driver.reviewTransformationPilot(transform, Decision.APPROVE);

		// when
		ProcessTestDriver.fireTimer(job(EVENT_GO_LIVE_APPROVAL_OVERDUE, transform));

		// then
		assertThat(transform).hasPassed(TASK_ESCALATE_GO_LIVE_APPROVAL, END_GO_LIVE_APPROVAL_ESCALATED)
			.isWaitingAt(TASK_APPROVE_GO_LIVE);
		assertEscalated(lifecycle, task(TASK_APPROVE_GO_LIVE, transform), "Approve go-live of new version");

		// and the board can still decide
		this.driver.approveTransformationGoLive(transform, Decision.APPROVE);
		assertThat(transform).isWaitingAt(TASK_RELEASE_NEW_VERSION);
	}

	@Test
	void shouldShowServiceValueToTheBoardOfATransformation() {
		// given
		ProcessInstance lifecycle = this.driver.live("Change control support");
		ProcessInstance transform = this.driver.inTransformation(lifecycle);

		// when
		this.driver.redesign(transform);

		// then the justification form shows the value score from the service's evaluation
		assertThat(formService().getTaskFormVariables(task(TASK_JUSTIFY_TRANSFORMATION, transform).getId()))
			.containsEntry("valueScore", 82)
			.containsEntry("priority", "high")
			.containsEntry(ReviewDecisions.STRATEGIC_FIT, "high");
	}

	private void assertEscalated(ProcessInstance lifecycle, Task approval, String activity) {
		assertThat(approval).hasCandidateGroup(Groups.PORTFOLIO_BOARD).hasCandidateGroup(Groups.PMO_MANAGERS);
		assertThat(approval.getPriority()).isEqualTo(80);
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.ESCALATED))
			.extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getActor)
			.containsExactly(activity, null);
	}

	/** An abandoned transformation leaves the service live in its current version, on its current terms. */
	private void assertServiceCarriesOnUnchanged(ProcessInstance lifecycle, String actor) {
		assertThat(lifecycle).hasPassed(Lifecycle.CALL_TRANSFORM_SERVICE).isWaitingAt(Lifecycle.TASK_OPERATE_SERVICE);
		PmoService service = this.driver.service(lifecycle);
		assertThat(service.getStage()).isEqualTo(Stage.OPERATION);
		assertThat(service.getServiceVersion()).isEqualTo(1);
		assertThat(service.getOwner()).isEqualTo(ProcessTestDriver.ANALYST);
		assertThat(service.getPilotPeriod()).isEqualTo(ProcessTestDriver.PILOT_PERIOD_FROM_DESIGN);
		assertThat(service.getReviewCycle()).isEqualTo(ProcessTestDriver.REVIEW_CYCLE_FROM_DESIGN);
		assertThat(lifecycle).variables()
			.containsEntry(ServiceLifecycleProcess.Variables.SERVICE_OWNER, ProcessTestDriver.ANALYST)
			.containsEntry(ServiceLifecycleProcess.Variables.PILOT_PERIOD, ProcessTestDriver.PILOT_PERIOD_FROM_DESIGN)
			.containsEntry(ServiceLifecycleProcess.Variables.REVIEW_CYCLE, ProcessTestDriver.REVIEW_CYCLE_FROM_DESIGN)
			.doesNotContainKeys(ServiceLifecycleProcess.Variables.TRANSFORMED_REVIEW_CYCLE,
					ServiceLifecycleProcess.Variables.RELEASED_VERSION);
		assertThat(this.driver.periodicReviewTimer(lifecycle).getDuedate())
			.isEqualTo(ProcessTestDriver.dueAfter(ClockUtil.now().toInstant(), "P6M"));
		assertThat(service.getNextReviewDue())
			.isEqualTo(this.driver.periodicReviewTimer(lifecycle).getDuedate().toInstant());
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.STAGE_CHANGED))
			.extracting(ServiceHistoryEntry::getFromStage, ServiceHistoryEntry::getToStage,
					ServiceHistoryEntry::getDecision, ServiceHistoryEntry::getActor)
			.containsExactly(Stage.TRANSFORM, Stage.OPERATION, Decision.REJECT.value(), actor);
	}

	private void assertTaskCompleted(ProcessInstance lifecycle, String activity, String decision, String actor) {
		assertThat(this.driver.lastEntry(lifecycle, HistoryKind.TASK_COMPLETED))
			.extracting(ServiceHistoryEntry::getActivity, ServiceHistoryEntry::getDecision,
					ServiceHistoryEntry::getActor)
			.containsExactly(activity, decision, actor);
	}

}
