package org.pmo.servicelifecycle.review;

import java.util.Set;

/**
 * The decisions of {@code dmn/}: their keys, and the names of their inputs and outputs, which are process variables
 * of the lifecycle and keys of the review and justification forms.
 */
public final class ReviewDecisions {

	/** {@code dmn/review-recommendation.dmn}: continue, transform or retire, with a reason. */
	public static final String REVIEW_RECOMMENDATION = "review-recommendation";

	/** {@code dmn/service-value.dmn}: the priority of a service need, from its value score. */
	public static final String SERVICE_VALUE = "service-value";

	/** {@code dmn/service-value.dmn}: the value score that {@link #SERVICE_VALUE} requires. */
	public static final String SERVICE_VALUE_SCORE = "service-value-score";

	// inputs of the review recommendation

	/** {@code met}, {@code at-risk}, {@code breached}, or {@code none} while nothing is measured. */
	public static final String SLA_HEALTH = "slaHealth";

	/** Mean of the latest measured periods of the agreements scored 1 to 5; null when there are none. */
	public static final String CUSTOMER_SATISFACTION = "customerSatisfaction";

	/** Latest measured utilisation of capacity in per cent; null when not agreed or not measured. */
	public static final String UTILISATION = "utilisation";

	/** Set when the need is evaluated: {@code high}, {@code medium} or {@code low}. */
	public static final String STRATEGIC_FIT = "strategicFit";

	/** The measured figures in words, for the reviewer. */
	public static final String PERFORMANCE_SUMMARY = "performanceSummary";

	// outputs of the review recommendation

	public static final String RECOMMENDATION = "recommendation";

	public static final String RECOMMENDATION_REASON = "recommendationReason";

	// inputs and outputs of the service value

	public static final String VALUE_TO_ORGANISATION = "valueToOrganisation";

	public static final String SEGMENT_COUNT = "segmentCount";

	public static final String VALUE_SCORE = "valueScore";

	public static final String PRIORITY = "priority";

	/** Names of the agreement metrics read as utilisation. */
	public static final Set<String> UTILISATION_METRICS = Set.of("utilisation", "utilization");

	private ReviewDecisions() {
	}

}
