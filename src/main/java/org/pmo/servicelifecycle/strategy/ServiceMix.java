package org.pmo.servicelifecycle.strategy;

import java.util.List;

/**
 * The best service mix: which services are in, the value they deliver, how much capacity and budget they use, and
 * whether the solver proved it optimal (else the gap to the best bound it found). Every line says why.
 */
public record ServiceMix(List<Line> lines, String status, boolean optimal, double gap, double value,
		double usedDays, double usedBudget, Double capacityDays, Double budget, List<String> bindingLimits,
		long solveMillis) {

	public boolean feasible() {
		return !"INFEASIBLE".equals(this.status) && !"UNKNOWN".equals(this.status);
	}

	/** One service: in or out of the mix, and why. */
	public record Line(String code, String name, boolean chosen, double value, double effortDays, double annualCost,
			String reason) {
	}

}
