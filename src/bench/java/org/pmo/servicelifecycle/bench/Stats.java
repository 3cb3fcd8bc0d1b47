package org.pmo.servicelifecycle.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** A set of measurements: median, spread and percentiles. */
final class Stats {

	private final List<Double> values;

	Stats(Collection<Double> values) {
		this.values = new ArrayList<>(values);
		Collections.sort(this.values);
	}

	static Stats of(Collection<Double> values) {
		return new Stats(values);
	}

	int count() {
		return this.values.size();
	}

	boolean isEmpty() {
		return this.values.isEmpty();
	}

	double median() {
		return percentile(50);
	}

	double min() {
		return this.values.isEmpty() ? Double.NaN : this.values.get(0);
	}

	double max() {
		return this.values.isEmpty() ? Double.NaN : this.values.get(this.values.size() - 1);
	}

	/** Nearest-rank percentile. */
	double percentile(double p) {
		if (this.values.isEmpty()) {
			return Double.NaN;
		}
		if (p == 50 && this.values.size() % 2 == 0) {
			int upper = this.values.size() / 2;
			return (this.values.get(upper - 1) + this.values.get(upper)) / 2;
		}
		int rank = (int) Math.ceil(p / 100.0 * this.values.size());
		return this.values.get(Math.max(0, Math.min(this.values.size() - 1, rank - 1)));
	}

	/** "median (min–max)" with the given number of decimals. */
	String summary(int decimals) {
		if (this.values.isEmpty()) {
			return "n/a";
		}
		String format = "%." + decimals + "f";
		if (this.values.size() == 1) {
			return String.format(format, median());
		}
		return String.format(format + " (" + format + "–" + format + ")", median(), min(), max());
	}

}
