package org.pmo.servicelifecycle.lifecycle;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;

/**
 * Reads the ISO-8601 durations and repeating intervals the timers use, with the engine's own parser so that what
 * is accepted here is exactly what the timers accept.
 */
final class Schedules {

	private Schedules() {
	}

	/** True for a repeating interval such as {@code R/P3M}. */
	static boolean isReviewCycle(String value) {
		return value != null && value.startsWith("R") && parses(value) && parse(value).isRepeat();
	}

	/** True for a plain duration such as {@code P4W}. */
	static boolean isPilotPeriod(String value) {
		return value != null && value.startsWith("P") && parses(value) && !parse(value).isRepeat();
	}

	/** When the next periodic review falls due if the cycle starts at {@code from}. */
	static Instant nextReview(String reviewCycle, Instant from) {
		try {
			Date start = Date.from(from);
			return new DurationHelper(reviewCycle, start).getDateAfter(start).toInstant();
		}
		catch (Exception ex) {
			throw new IllegalArgumentException("Not a review cycle: " + reviewCycle, ex);
		}
	}

	/** When a duration such as {@code P5D} that starts at {@code from} is over. */
	static Instant dueAfter(String duration, Instant from) {
		try {
			Date start = Date.from(from);
			return new DurationHelper(duration, start).getDateAfter(start).toInstant();
		}
		catch (Exception ex) {
			throw new IllegalArgumentException("Not a duration: " + duration, ex);
		}
	}

	private static boolean parses(String value) {
		try {
			DurationHelper helper = parse(value);
			return helper.getDateAfter(new Date()) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static DurationHelper parse(String value) {
		try {
			return new DurationHelper(value);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
