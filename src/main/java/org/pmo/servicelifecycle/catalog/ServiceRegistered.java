package org.pmo.servicelifecycle.catalog;

/** A requested service entered the catalog; published within the request's transaction. */
public record ServiceRegistered(String code) {

}
