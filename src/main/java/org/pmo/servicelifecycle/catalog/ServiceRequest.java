package org.pmo.servicelifecycle.catalog;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A request for a new PMO service, as raised through the REST API or the Tasklist start form. The same
 * constraints guard both ways in.
 */
public record ServiceRequest(@NotBlank @Size(max = MAX_NAME) String name,
		@NotBlank @Size(max = MAX_DESCRIPTION) String description,
		@NotEmpty Set<@NotNull CustomerSegment> customerSegments, OfferingLevel offeringLevel) {

	public static final int MAX_NAME = 120;

	public static final int MAX_DESCRIPTION = 2000;

	/** A request that leaves the offering level open asks for an additional service. */
	public OfferingLevel offeringLevelOrDefault() {
		return (this.offeringLevel != null) ? this.offeringLevel : OfferingLevel.ADDITIONAL;
	}

}
