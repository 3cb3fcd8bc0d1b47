package org.pmo.servicelifecycle.agreement;

import org.pmo.servicelifecycle.catalog.CustomerSegment;

/**
 * An agreement of a live service was missed in a period; {@code segment} is the offering's (null: an agreement for
 * every segment), {@code reason} says what was missed and by how much.
 */
public record AgreementBreached(String code, CustomerSegment segment, String reason) {

}
