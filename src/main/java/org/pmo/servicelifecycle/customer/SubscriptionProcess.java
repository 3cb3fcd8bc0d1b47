package org.pmo.servicelifecycle.customer;

/** The subscription model's contract: its key and the variables its steps and form use. */
public final class SubscriptionProcess {

	/** BPMN process id of {@code bpmn/pmo-offering-subscription.bpmn}. */
	public static final String KEY = "pmo-offering-subscription";

	/** Form of the PMO manager's approval. */
	public static final String APPROVAL_FORM = "approve-subscription";

	public static final String SUBSCRIPTION_ID = "subscriptionId";

	public static final String CAPACITY_LIMITED = "capacityLimited";

	public static final String CUSTOMER_NAME = "customerName";

	public static final String SEGMENT = "customerSegment";

	public static final String PLACES = "subscriberPlaces";

	public static final String DECISION = "decision";

	public static final String DECISION_COMMENT = "decisionComment";

	private SubscriptionProcess() {
	}

}
