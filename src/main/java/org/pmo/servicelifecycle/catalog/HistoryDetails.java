package org.pmo.servicelifecycle.catalog;

/**
 * Who did what in which step of the lifecycle; any part may be unknown (a timer has no actor).
 *
 * @param activity the lifecycle step, in business words
 * @param decision the gate decision or review outcome taken there
 * @param actor the user id, or null for the system
 * @param comment free text given with the decision
 */
public record HistoryDetails(String activity, String decision, String actor, String comment) {

	public static HistoryDetails of(String activity, String actor) {
		return new HistoryDetails(activity, null, actor, null);
	}

}
