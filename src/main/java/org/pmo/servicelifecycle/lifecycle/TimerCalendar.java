package org.pmo.servicelifecycle.lifecycle;

import java.time.Instant;

/**
 * ISO-8601 durations ({@code P4W}) and repeating intervals ({@code R/P3M}) read as the engine's timers read them, so
 * what the lifecycle accepts is exactly what its timers accept and the due dates it shows are theirs. The engine
 * seam implements it.
 */
public interface TimerCalendar {

	/** True for a repeating interval such as {@code R/P3M}. */
	boolean isRepeatingInterval(String value);

	/** True for a plain duration such as {@code P4W}. */
	boolean isDuration(String value);

	/** When a timer with this duration or repeating interval, created at {@code from}, falls due first. */
	Instant dueAfter(String durationOrInterval, Instant from);

}
