package org.pmo.servicelifecycle.strategy;

import java.util.List;
import java.util.Map;

/**
 * What the review advises: the solver's mix, a choice and its reason per service, and the coverage of the objectives
 * by the catalog now and with the advice taken.
 */
public record PortfolioRecommendation(ServiceMix mix, List<Line> lines, Map<String, Integer> coverageNow,
		Map<String, Integer> coverageRecommended) {

	/** One service and what the review advises for it. */
	public record Line(String code, String name, String stage, PortfolioChoice recommendation, String reason) {
	}

}
