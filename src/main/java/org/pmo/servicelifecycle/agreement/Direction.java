package org.pmo.servicelifecycle.agreement;

/** Whether a measured value must reach the target or stay below it. */
public enum Direction {

	AT_LEAST, AT_MOST;

	boolean meets(double value, double target) {
		return (this == AT_LEAST) ? value >= target : value <= target;
	}

}
