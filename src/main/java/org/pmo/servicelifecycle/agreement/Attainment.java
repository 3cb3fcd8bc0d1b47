package org.pmo.servicelifecycle.agreement;

/** How a period's measurements stand against an agreement's target. */
public enum Attainment {

	MET, AT_RISK, BREACHED;

	/** Within this share of the target on the right side, a met agreement is at risk. */
	static final double RISK_MARGIN = 0.05;

	static Attainment of(double value, double target, Direction direction) {
		if (!direction.meets(value, target)) {
			return BREACHED;
		}
		double margin = Math.abs(target) * RISK_MARGIN;
		boolean close = (direction == Direction.AT_LEAST) ? value < target + margin : value > target - margin;
		return close ? AT_RISK : MET;
	}

}
