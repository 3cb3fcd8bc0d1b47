package org.pmo.servicelifecycle.strategy;

import java.time.Instant;

/**
 * A year's capacity and budget against what the live and approved services commit (the sum of their business
 * cases), and what is left.
 */
public record CapacityView(int year, double capacityDays, double budget, double committedDays, double committedCost,
		double availableDays, double availableBudget, int committedServices, Instant updatedAt, String updatedBy) {
}
