package org.pmo.servicelifecycle.catalog;

/** A transformation was abandoned: the version it designed will not be released. */
public record NextVersionAbandoned(String code, int version) {

}
