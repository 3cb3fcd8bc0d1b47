package org.pmo.servicelifecycle.catalog;

/** The changes a client may make to a service in the catalog: its review cycle, e.g. {@code R/P1M}. */
public record ServiceChange(String reviewCycle) {

}
