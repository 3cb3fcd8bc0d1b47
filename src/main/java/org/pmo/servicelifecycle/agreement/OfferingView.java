package org.pmo.servicelifecycle.agreement;

import java.util.List;

import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.OfferingLevel;

/** An offering as the REST API shows it, with the agreements that hold for it (service-wide ones included). */
public record OfferingView(CustomerSegment segment, OfferingLevel level, Integer capacity, String description,
		int serviceVersion, List<AgreementView> agreements) {

}
