package org.pmo.servicelifecycle.strategy;

import java.util.Locale;

/**
 * What the portfolio review decides for a service: a live service is kept, transformed or retired; a request in the
 * pipeline is started (its work goes first) or deferred.
 */
public enum PortfolioChoice {

	KEEP, TRANSFORM, RETIRE, START, DEFER;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static PortfolioChoice of(String value) {
		for (PortfolioChoice choice : values()) {
			if (choice.value().equals(value)) {
				return choice;
			}
		}
		return null;
	}

}
