package org.pmo.servicelifecycle.catalog;

/**
 * Terms of a service that the lifecycle settles along the way (evaluation, design, transformation). A null
 * component leaves the current value as it is.
 */
public record ServiceTerms(String owner, OfferingLevel offeringLevel, String reviewCycle, String pilotPeriod) {

}
