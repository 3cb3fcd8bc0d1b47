package org.pmo.servicelifecycle.strategy;

import java.util.Set;

/**
 * A service the mix may hold: its weighted strategic value (0 to 100), what it costs in PMO person-days and money a
 * year, whether it must stay (mandated, or approved and under way), and the services it requires or complements.
 */
public record MixCandidate(String code, String name, double value, double effortDays, double annualCost,
		boolean mandated, boolean committed, Set<String> requires, Set<String> complements) {

	public boolean mustStay() {
		return this.mandated || this.committed;
	}

}
