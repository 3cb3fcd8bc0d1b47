package org.pmo.servicelifecycle.engine;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.pmo.servicelifecycle.lifecycle.TimerCalendar;
import org.springframework.stereotype.Component;

/** {@link TimerCalendar} with the parser and the arithmetic the engine's timers use themselves. */
@Component
class EngineTimerCalendar implements TimerCalendar {

	@Override
	public boolean isRepeatingInterval(String value) {
		return value != null && value.startsWith("R") && parses(value) && parse(value).isRepeat();
	}

	@Override
	public boolean isDuration(String value) {
		return value != null && value.startsWith("P") && parses(value) && !parse(value).isRepeat();
	}

	@Override
	public Instant dueAfter(String durationOrInterval, Instant from) {
		try {
			Date start = Date.from(from);
			return new DurationHelper(durationOrInterval, start).getDateAfter(start).toInstant();
		}
		catch (Exception ex) {
			throw new IllegalArgumentException("Not an ISO-8601 duration or repeating interval: " + durationOrInterval,
					ex);
		}
	}

	private static boolean parses(String value) {
		try {
			return parse(value).getDateAfter(new Date()) != null;
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
