package org.pmo.servicelifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Wrong passwords slow down who types them, for a while, from where they come: nobody is locked out for good. */
class LoginThrottleTests {

	private final MovableClock clock = new MovableClock();

	private final LoginThrottle throttle = new LoginThrottle(this.clock);

	@Test
	void waitsLongerAfterEachFailureBeyondTheFreeOnesAndForgetsOnSuccess() {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
			this.throttle.recordFailure("anna", "10.0.0.1");
		}
		assertThat(this.throttle.admits("anna", "10.0.0.1")).isTrue();
		this.throttle.recordFailure("anna", "10.0.0.1");
		assertThat(this.throttle.admits("anna", "10.0.0.1")).isFalse();
		this.clock.pass(Duration.ofSeconds(1));
		assertThat(this.throttle.admits("anna", "10.0.0.1")).isTrue();
		this.throttle.recordFailure("anna", "10.0.0.1");
		this.clock.pass(Duration.ofSeconds(1));
		assertThat(this.throttle.admits("anna", "10.0.0.1")).as("the wait doubled").isFalse();
		this.clock.pass(Duration.ofSeconds(1));
		assertThat(this.throttle.admits("anna", "10.0.0.1")).isTrue();
		this.throttle.recordSuccess("anna", "10.0.0.1");
		assertThat(this.throttle.admits("anna", "10.0.0.1")).isTrue();
	}

	@Test
	void theWaitEndsEvenAfterManyFailures() {
		for (int i = 0; i < 1000; i++) {
			this.throttle.recordFailure("demo", "10.0.0.66");
		}
		assertThat(this.throttle.admits("demo", "10.0.0.66")).isFalse();
		this.clock.pass(LoginThrottle.MAX_WAIT);
		assertThat(this.throttle.admits("demo", "10.0.0.66")).isTrue();
	}

	@Test
	void anAttackerElsewhereSlowsNeitherThePersonNorOtherAccounts() {
		for (int i = 0; i < 50; i++) {
			this.throttle.recordFailure("demo", "10.0.0.66");
		}
		assertThat(this.throttle.admits("demo", "10.0.0.1")).isTrue();
		assertThat(this.throttle.admits("anna", "10.0.0.66")).isTrue();
	}

	@Test
	void anIPv6SiteIsCountedAsOneAddress() {
		assertThat(LoginThrottle.counted("2001:db8:aa:1::7")).isEqualTo(LoginThrottle.counted("2001:db8:aa:1:ffff::1"))
			.isNotEqualTo(LoginThrottle.counted("2001:db8:aa:2::7"));
		assertThat(LoginThrottle.counted("10.0.0.66")).isEqualTo("10.0.0.66");
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-06-01T08:00:00Z");

		void pass(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
