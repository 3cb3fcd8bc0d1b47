package org.pmo.servicelifecycle.strategy;

/** The PMO's capacity (person-days) and budget for the year; null where none is planned (no limit). */
public record MixLimits(Double capacityDays, Double budget) {
}
