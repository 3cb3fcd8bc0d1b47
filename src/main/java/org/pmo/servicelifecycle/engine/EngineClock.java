package org.pmo.servicelifecycle.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock as a {@link Clock}, so catalog timestamps and timer due dates come from one source (process
 * tests move the engine clock to fire timers).
 */
class EngineClock extends Clock {

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	@Override
	public Instant instant() {
		return ClockUtil.now().toInstant();
	}

}
