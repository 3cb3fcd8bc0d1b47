package org.pmo.servicelifecycle.strategy;

import java.util.List;
import java.util.Map;

/** What the board decided, line by line, and the coverage of the objectives with its decisions. */
public record PortfolioDecisions(List<Line> lines, String comment, Map<String, Integer> coverageBefore,
		Map<String, Integer> coverageAfter) {

	/** One service: the advice, the board's decision (accepted or overridden) and its reason. */
	public record Line(String code, String name, PortfolioChoice recommendation, PortfolioChoice decision,
			boolean accepted, String reason, String action) {
	}

}
