package org.pmo.servicelifecycle.catalog;

/** The need's evaluation set the level at which the requested service is offered to its segments. */
public record OfferingLevelSet(String code, OfferingLevel level) {

}
