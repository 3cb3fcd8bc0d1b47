package org.pmo.servicelifecycle.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MET means the target is met; AT_RISK is the agreement's own warning, never a fixed share of the target. */
class AttainmentTests {

	@Test
	void aMetTargetIsMetWithoutAWarningOfItsOwn() {
		assertThat(Attainment.of(new double[] { 97 }, 95, Direction.AT_LEAST, null)).isEqualTo(Attainment.MET);
		assertThat(Attainment.of(new double[] { 95 }, 95, Direction.AT_LEAST, null)).isEqualTo(Attainment.MET);
		assertThat(Attainment.of(new double[] { 3 }, 3, Direction.AT_MOST, null)).isEqualTo(Attainment.MET);
	}

	@Test
	void aMissedTargetIsBreached() {
		assertThat(Attainment.of(new double[] { 94.9 }, 95, Direction.AT_LEAST, 2.0)).isEqualTo(Attainment.BREACHED);
		assertThat(Attainment.of(new double[] { 4 }, 3, Direction.AT_MOST, null)).isEqualTo(Attainment.BREACHED);
	}

	@Test
	void withinTheAgreementsRiskMarginAMetTargetIsAtRisk() {
		assertThat(Attainment.of(new double[] { 97 }, 95, Direction.AT_LEAST, 3.0)).isEqualTo(Attainment.AT_RISK);
		assertThat(Attainment.of(new double[] { 98 }, 95, Direction.AT_LEAST, 3.0)).isEqualTo(Attainment.MET);
		assertThat(Attainment.of(new double[] { 2.5 }, 3, Direction.AT_MOST, 1.0)).isEqualTo(Attainment.AT_RISK);
		assertThat(Attainment.of(new double[] { 2 }, 3, Direction.AT_MOST, 1.0)).isEqualTo(Attainment.MET);
	}

	@Test
	void aTrendThatWillCrossTheTargetIsAtRisk() {
		// newest first: 96, 93, 91 and falling by two: the next period misses 90
		assertThat(Attainment.of(new double[] { 91, 93, 96 }, 90, Direction.AT_LEAST, null)).isEqualTo(Attainment.AT_RISK);
		// falling, but the next step still meets the target
		assertThat(Attainment.of(new double[] { 95, 96, 97 }, 90, Direction.AT_LEAST, null)).isEqualTo(Attainment.MET);
		// not falling in each period: no trend
		assertThat(Attainment.of(new double[] { 91, 95, 93 }, 90, Direction.AT_LEAST, null)).isEqualTo(Attainment.MET);
		// two periods make no trend
		assertThat(Attainment.of(new double[] { 91, 99 }, 90, Direction.AT_LEAST, null)).isEqualTo(Attainment.MET);
		// rising turnaround days towards a maximum of 10
		assertThat(Attainment.of(new double[] { 9, 7, 5 }, 10, Direction.AT_MOST, null)).isEqualTo(Attainment.AT_RISK);
	}

}
