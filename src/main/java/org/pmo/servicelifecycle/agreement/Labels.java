package org.pmo.servicelifecycle.agreement;

import java.util.Locale;

import org.pmo.servicelifecycle.catalog.CustomerSegment;

/** Offerings and agreements in business words: "Project managers", "on-time-delivery at least 90 % per month". */
public final class Labels {

	private Labels() {
	}

	public static String segment(CustomerSegment segment) {
		if (segment == null) {
			return "every segment";
		}
		String words = segment.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	static String agreement(AgreementTerms terms) {
		String text = terms.metric() + " " + words(terms.direction().name()) + " " + number(terms.target())
				+ unit(terms.unit()) + " per " + words(terms.periodOrDefault().name());
		return (terms.riskMargin() != null) ? text + " (at risk within " + number(terms.riskMargin()) + ")" : text;
	}

	static String number(double value) {
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? String.valueOf((long) value)
				: String.format(Locale.ROOT, "%.2f", value);
	}

	private static String unit(MetricUnit unit) {
		return switch (unit) {
			case PERCENT -> " %";
			case SCORE_1_TO_5 -> " of 5";
			case DAYS -> " days";
			case COUNT -> "";
		};
	}

	private static String words(String constant) {
		return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
	}

}
