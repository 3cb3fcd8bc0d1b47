package org.pmo.servicelifecycle.catalog;

/** A service moved from one stage to another; published within the lifecycle step's transaction. */
public record StageEntered(String code, Stage from, Stage to) {

}
