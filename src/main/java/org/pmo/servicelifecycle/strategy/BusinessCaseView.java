package org.pmo.servicelifecycle.strategy;

import java.time.Instant;
import java.util.List;

/**
 * A service's business case with what follows from it today: the strategic value (0 to 100, decision
 * {@code strategic-value}), value per 1,000 of annual cost, and the strength the decision {@code business-case-strength}
 * gives it.
 */
public record BusinessCaseView(String code, double annualCost, double effortDays, List<ObjectiveScore> contributions,
		List<String> requires, List<String> complements, double strategicValue, Double valuePerCost, String strength,
		String strengthReason, Instant estimatedAt, String estimatedBy) {

	/** A current objective, its weight and the service's expected contribution to it. */
	public record ObjectiveScore(Long objective, String name, int weight, int score) {
	}

}
