package org.pmo.servicelifecycle.strategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.Stage;

/**
 * The portfolio as a review sees it: the objectives valid today, every service in pipeline and catalog with its value
 * per objective, cost, effort, SLA health, utilisation, segments and offering level, and the year's capacity.
 */
public record PortfolioSnapshot(Instant takenAt, int year, List<ObjectiveLine> objectives,
		List<ServiceLine> services, CapacityView capacity) {

	/** An objective valid on the day of the snapshot. */
	public record ObjectiveLine(Long id, String name, int weight) {
	}

	/** A service: where it is, what it gives (0 to 5 per objective id, 0 to 100 weighted) and what it costs. */
	public record ServiceLine(String code, String name, Stage stage, OfferingLevel offeringLevel,
			Set<CustomerSegment> segments, boolean businessCase, double strategicValue,
			Map<Long, Integer> contributions, double effortDays, double annualCost, String slaHealth,
			Double utilisation, List<String> requires, List<String> complements) {

		public boolean mandated() {
			return this.offeringLevel == OfferingLevel.MANDATED;
		}

	}

}
