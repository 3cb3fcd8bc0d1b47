package org.pmo.servicelifecycle.lifecycle;

import java.util.Set;

/**
 * The process API of the PMO service lifecycle: definition keys, element ids and variable names the models and
 * the code share. Keep it in step with {@code bpmn/*.bpmn} and {@code forms/*.form}.
 */
public final class ServiceLifecycleProcess {

	public static final String KEY = "pmo-service-lifecycle";

	public static final String TRANSFORM_KEY = "pmo-service-transform";

	public static final String RETIREMENT_KEY = "pmo-service-retirement";

	/** Business key of every lifecycle instance: the service's code. */
	public static final Set<String> KEYS = Set.of(KEY, TRANSFORM_KEY, RETIREMENT_KEY);

	/** Message that asks for an unscheduled review of a live service (SLA breach, complaint). */
	public static final String MESSAGE_REVIEW_REQUESTED = "ServiceReviewRequested";

	private ServiceLifecycleProcess() {
	}

	/** Element ids of {@code pmo-service-lifecycle}. */
	public static final class Lifecycle {

		public static final String EVENT_SERVICE_REQUESTED = "Event_ServiceRequested";

		public static final String TASK_EVALUATE_NEED = "Task_EvaluateNeed";

		/** Business rule task: decision {@code service-value} once the need is approved. */
		public static final String TASK_SCORE_SERVICE_VALUE = "Task_ScoreServiceValue";

		public static final String TASK_DESIGN_SERVICE = "Task_DesignService";

		public static final String TASK_JUSTIFY_SERVICE = "Task_JustifyService";

		public static final String EVENT_BUSINESS_CASE_OVERDUE = "Event_BusinessCaseOverdue";

		public static final String TASK_ESCALATE_BUSINESS_CASE = "Task_EscalateBusinessCase";

		public static final String END_BUSINESS_CASE_ESCALATED = "End_BusinessCaseEscalated";

		public static final String EVENT_PILOT_PERIOD_OVER = "Event_PilotPeriodOver";

		public static final String TASK_REVIEW_PILOT = "Task_ReviewPilot";

		public static final String TASK_APPROVE_GO_LIVE = "Task_ApproveGoLive";

		public static final String EVENT_GO_LIVE_APPROVAL_OVERDUE = "Event_GoLiveApprovalOverdue";

		public static final String TASK_ESCALATE_GO_LIVE_APPROVAL = "Task_EscalateGoLiveApproval";

		public static final String END_GO_LIVE_APPROVAL_ESCALATED = "End_GoLiveApprovalEscalated";

		public static final String SUBPROCESS_OPERATE_SERVICE = "SubProcess_OperateService";

		public static final String TASK_OPERATE_SERVICE = "Task_OperateService";

		public static final String EVENT_PERIODIC_REVIEW_DUE = "Event_PeriodicReviewDue";

		public static final String EVENT_UNSCHEDULED_REVIEW_REQUESTED = "Event_UnscheduledReviewRequested";

		/** Business rule task: decision {@code review-recommendation} before every service review. */
		public static final String TASK_RECOMMEND_REVIEW_OUTCOME = "Task_RecommendReviewOutcome";

		public static final String TASK_REVIEW_SERVICE = "Task_ReviewService";

		/** A review is open already: the periodic review falling due, or a request, joins it. */
		public static final String TASK_JOIN_PERIODIC_REVIEW = "Task_JoinPeriodicReview";

		public static final String END_PERIODIC_REVIEW_JOINED = "End_PeriodicReviewJoined";

		public static final String TASK_JOIN_UNSCHEDULED_REVIEW = "Task_JoinUnscheduledReview";

		public static final String END_UNSCHEDULED_REVIEW_JOINED = "End_UnscheduledReviewJoined";

		public static final String END_SERVICE_CONTINUES = "End_ServiceContinues";

		public static final String CALL_TRANSFORM_SERVICE = "CallActivity_TransformService";

		public static final String CALL_RETIRE_SERVICE = "CallActivity_RetireService";

		public static final String END_SERVICE_DECLINED = "End_ServiceDeclined";

		public static final String END_SERVICE_RETIRED = "End_ServiceRetired";

		private Lifecycle() {
		}

	}

	/** Element ids of {@code pmo-service-transform}. */
	public static final class Transform {

		public static final String TASK_REDESIGN_SERVICE = "Task_RedesignService";

		public static final String TASK_JUSTIFY_TRANSFORMATION = "Task_JustifyTransformation";

		public static final String EVENT_BUSINESS_CASE_OVERDUE = "Event_TransformationCaseOverdue";

		public static final String TASK_ESCALATE_BUSINESS_CASE = "Task_EscalateTransformationCase";

		public static final String END_BUSINESS_CASE_ESCALATED = "End_TransformationCaseEscalated";

		public static final String EVENT_PILOT_PERIOD_OVER = "Event_TransformationPilotOver";

		public static final String TASK_REVIEW_PILOT = "Task_ReviewTransformationPilot";

		public static final String TASK_APPROVE_GO_LIVE = "Task_ApproveTransformationGoLive";

		public static final String EVENT_GO_LIVE_APPROVAL_OVERDUE = "Event_TransformationGoLiveOverdue";

		public static final String TASK_ESCALATE_GO_LIVE_APPROVAL = "Task_EscalateTransformationGoLive";

		public static final String END_GO_LIVE_APPROVAL_ESCALATED = "End_TransformationGoLiveEscalated";

		public static final String TASK_RELEASE_NEW_VERSION = "Task_ReleaseNewVersion";

		public static final String END_NEW_VERSION_LIVE = "End_NewVersionLive";

		public static final String END_TRANSFORMATION_ABANDONED = "End_TransformationAbandoned";

		private Transform() {
		}

	}

	/** Element ids of {@code pmo-service-retirement}. */
	public static final class Retirement {

		public static final String TASK_PLAN_RETIREMENT = "Task_PlanRetirement";

		public static final String TASK_APPROVE_RETIREMENT = "Task_ApproveRetirement";

		public static final String EVENT_APPROVAL_OVERDUE = "Event_RetirementApprovalOverdue";

		public static final String TASK_ESCALATE_APPROVAL = "Task_EscalateRetirementApproval";

		public static final String END_APPROVAL_ESCALATED = "End_RetirementApprovalEscalated";

		public static final String TASK_NOTIFY_CUSTOMERS = "Task_NotifyCustomers";

		/** The plan's retirement date: until then the service stays live, its customers told. */
		public static final String EVENT_RETIREMENT_DATE_REACHED = "Event_RetirementDateReached";

		public static final String TASK_DECOMMISSION_SERVICE = "Task_DecommissionService";

		public static final String END_SERVICE_DECOMMISSIONED = "End_ServiceDecommissioned";

		public static final String END_RETIREMENT_REJECTED = "End_RetirementRejected";

		private Retirement() {
		}

	}

	/** Process variable names; form field keys are the same names. */
	public static final class Variables {

		/** The business key again, as a variable: Tasklist lists and forms can show it. */
		public static final String SERVICE_CODE = "serviceCode";

		public static final String SERVICE_NAME = "serviceName";

		public static final String SERVICE_DESCRIPTION = "serviceDescription";

		public static final String CUSTOMER_SEGMENTS = "customerSegments";

		public static final String OFFERING_LEVEL = "offeringLevel";

		public static final String REQUESTED_BY = "requestedBy";

		public static final String SERVICE_OWNER = "serviceOwner";

		public static final String PILOT_PERIOD = "pilotPeriod";

		public static final String REVIEW_CYCLE = "reviewCycle";

		public static final String DECISION = "decision";

		public static final String REVIEW_OUTCOME = "reviewOutcome";

		public static final String DECISION_COMMENT = "decisionComment";

		public static final String REVIEW_REASON = "reviewReason";

		/** Every reason the open review has: the one that opened it, and the breaches and requests it took in. */
		public static final String REVIEW_REASONS = "reviewReasons";

		/** True while a review of the live service is open: a later request or periodic review joins it. */
		public static final String REVIEW_OPEN = "reviewOpen";

		public static final String RETIREMENT_DECISION = "retirementDecision";

		public static final String RETIREMENT_DATE = "retirementDate";

		public static final String CUSTOMER_NOTICE = "customerNotice";

		/** Who completed the (re)design: may not approve the business case or the go-live. Set by the engine. */
		public static final String DESIGNED_BY = "designedBy";

		/**
		 * Everybody who completed a design or redesign of the service, in any round, separated by commas: none of them
		 * may approve its business case or go-live. Set by the engine.
		 */
		public static final String DESIGNERS = "designers";

		/** Who planned the retirement (the latest round): may not approve it. Set by the engine. */
		public static final String RETIREMENT_PLANNED_BY = "retirementPlannedBy";

		/** Everybody who planned the retirement, in any round, separated by commas. Set by the engine. */
		public static final String RETIREMENT_PLANNERS = "retirementPlanners";

		/**
		 * Who raised the request, who designed, who planned: the four-eyes principle relies on them, so only the
		 * engine itself writes them, never a submission.
		 */
		public static final Set<String> GOVERNANCE = Set.of(REQUESTED_BY, DESIGNED_BY, DESIGNERS,
				RETIREMENT_PLANNED_BY, RETIREMENT_PLANNERS);

		/** Set by the transformation's release: the version now live. */
		public static final String RELEASED_VERSION = "releasedVersion";

		// a transformation's terms, handed back to the lifecycle; they hold only once released
		public static final String TRANSFORMED_SERVICE_OWNER = "transformedServiceOwner";

		public static final String TRANSFORMED_PILOT_PERIOD = "transformedPilotPeriod";

		public static final String TRANSFORMED_REVIEW_CYCLE = "transformedReviewCycle";

		/** Set anew at every gate; cleared when the next task opens so no form shows an earlier choice. */
		public static final Set<String> PER_TASK_CHOICES = Set.of(DECISION, REVIEW_OUTCOME, DECISION_COMMENT);

		private Variables() {
		}

	}

	/** Form keys of {@code forms/}. */
	public static final class Forms {

		public static final String DESIGN_SERVICE = "design-service";

		public static final String APPROVE_GO_LIVE = "approve-go-live";

		public static final String PLAN_RETIREMENT = "plan-retirement";

		public static final String APPROVE_RETIREMENT = "approve-retirement";

		private Forms() {
		}

	}

}
