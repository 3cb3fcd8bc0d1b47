package org.pmo.servicelifecycle.catalog;

/** Whether every project must use the service or customers ask for it. */
public enum OfferingLevel {

	MANDATED, ADDITIONAL

}
