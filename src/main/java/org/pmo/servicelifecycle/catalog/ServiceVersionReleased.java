package org.pmo.servicelifecycle.catalog;

/** Published inside the transaction that makes a transformed service its next version. */
public record ServiceVersionReleased(String code, int previousVersion, int newVersion) {

}
