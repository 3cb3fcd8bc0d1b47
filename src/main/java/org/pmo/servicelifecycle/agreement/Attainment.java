package org.pmo.servicelifecycle.agreement;

/**
 * How a period's measurements stand against an agreement's target. MET: the target is met; BREACHED: it is missed;
 * AT_RISK: met, but the agreement's own warning holds (within its risk margin, or falling for the last periods
 * towards a miss in the next one).
 */
public enum Attainment {

	MET, AT_RISK, BREACHED;

	/** The attainment of the newest of {@code newestFirst} period means. */
	static Attainment of(double[] newestFirst, double target, Direction direction, Double riskMargin) {
		double latest = newestFirst[0];
		if (!direction.meets(latest, target)) {
			return BREACHED;
		}
		if (riskMargin != null && !direction.meets(latest, direction.tightened(target, riskMargin))) {
			return AT_RISK;
		}
		return (projectedMiss(newestFirst, target, direction)) ? AT_RISK : MET;
	}

	/**
	 * Each of the last three periods worse than the one before, and the next period, at the latest step, misses the
	 * target: a trend that will cross it.
	 */
	static boolean projectedMiss(double[] newestFirst, double target, Direction direction) {
		if (newestFirst.length < Trend.PERIODS) {
			return false;
		}
		for (int i = 0; i < Trend.PERIODS - 1; i++) {
			if (!direction.worse(newestFirst[i], newestFirst[i + 1])) {
				return false;
			}
		}
		double projected = newestFirst[0] + (newestFirst[0] - newestFirst[1]);
		return !direction.meets(projected, target);
	}

	/** How many periods make a trend. */
	static final class Trend {

		static final int PERIODS = 3;

		private Trend() {
		}

	}

}
