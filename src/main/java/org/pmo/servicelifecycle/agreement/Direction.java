package org.pmo.servicelifecycle.agreement;

/** Whether a measured value must reach the target or stay below it. */
public enum Direction {

	AT_LEAST, AT_MOST;

	boolean meets(double value, double target) {
		return (this == AT_LEAST) ? value >= target : value <= target;
	}

	/** The target moved by {@code margin} to the side where values are safe. */
	double tightened(double target, double margin) {
		return (this == AT_LEAST) ? target + margin : target - margin;
	}

	/** {@code value} is worse than {@code before}. */
	boolean worse(double value, double before) {
		return (this == AT_LEAST) ? value < before : value > before;
	}

}
