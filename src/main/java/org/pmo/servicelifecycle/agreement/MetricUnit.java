package org.pmo.servicelifecycle.agreement;

/** The unit a metric is measured in, with the values it can take. */
public enum MetricUnit {

	PERCENT(0, 100), SCORE_1_TO_5(1, 5), DAYS(0, 3650), COUNT(0, Double.MAX_VALUE);

	private final double min;

	private final double max;

	MetricUnit(double min, double max) {
		this.min = min;
		this.max = max;
	}

	boolean admits(double value) {
		return Double.isFinite(value) && value >= this.min && value <= this.max;
	}

	String range() {
		return (this == COUNT) ? "a count of 0 or more" : "between " + fmt(this.min) + " and " + fmt(this.max);
	}

	private static String fmt(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}

}
