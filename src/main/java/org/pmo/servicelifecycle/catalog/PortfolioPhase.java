package org.pmo.servicelifecycle.catalog;

/** The portfolio view of a stage: offered in future, offered now, or no longer offered. */
public enum PortfolioPhase {

	PIPELINE, CATALOG, RETIRED

}
