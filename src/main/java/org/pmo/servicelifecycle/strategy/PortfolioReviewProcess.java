package org.pmo.servicelifecycle.strategy;

import java.util.Set;

/** The process API of {@code pmo-portfolio-review}: key, element ids, variables and the board's choices. */
public final class PortfolioReviewProcess {

	public static final String KEY = "pmo-portfolio-review";

	/** The schedule in the same model: its timer starts a review on the configured cycle. */
	public static final String SCHEDULE_KEY = "pmo-portfolio-review-schedule";

	public static final String EVENT_REVIEW_REQUESTED = "StartEvent_PortfolioReviewRequested";

	public static final String EVENT_REVIEW_DUE = "StartEvent_PortfolioReviewDue";

	public static final String TASK_START_REVIEW = "Task_StartPortfolioReview";

	public static final String END_SCHEDULED_REVIEW_STARTED = "End_ScheduledReviewStarted";

	public static final String TASK_PREPARE_SNAPSHOT = "Task_PreparePortfolioSnapshot";

	public static final String TASK_RECOMMEND_MIX = "Task_RecommendServiceMix";

	public static final String TASK_REVIEW_PORTFOLIO = "Task_ReviewPortfolio";

	public static final String EVENT_REVIEW_OVERDUE = "Event_PortfolioReviewOverdue";

	public static final String TASK_ESCALATE_REVIEW = "Task_EscalatePortfolioReview";

	public static final String END_REVIEW_ESCALATED = "End_PortfolioReviewEscalated";

	public static final String TASK_ACT_ON_DECISIONS = "Task_ActOnPortfolioDecisions";

	public static final String END_PORTFOLIO_REVIEWED = "End_PortfolioReviewed";

	/** The approval kind of {@code pmo.approvals.due.*} that gives the board's review its due date. */
	public static final String APPROVAL_KIND = "portfolio-review";

	private PortfolioReviewProcess() {
	}

	/** Variables; form field keys are the same names. */
	public static final class Variables {

		public static final String REVIEW_ID = "portfolioReviewId";

		/** Why the board asks for a review now (start form), or the schedule's reason. */
		public static final String REASON = "portfolioReviewReason";

		/** The advice: one row per service with its recommendation and why (see {@link LineFields}); the form's table. */
		public static final String LINES = "portfolioLines";

		public static final String SUMMARY = "portfolioSummary";

		/** What the board decides otherwise: one line per service, "code decision reason". */
		public static final String CHANGES = "portfolioChanges";

		public static final String DECISION_COMMENT = "decisionComment";

		/** What a start may carry: only the reason. */
		public static final Set<String> START = Set.of(REASON);

		private Variables() {
		}

	}

	/** The fields of one line of {@link Variables#LINES}. */
	public static final class LineFields {

		public static final String CODE = "code";

		public static final String NAME = "name";

		public static final String STAGE = "stage";

		public static final String RECOMMENDATION = "recommendation";

		public static final String RECOMMENDATION_REASON = "recommendationReason";

		private LineFields() {
		}

	}

}
