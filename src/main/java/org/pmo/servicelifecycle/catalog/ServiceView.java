package org.pmo.servicelifecycle.catalog;

import java.time.Instant;
import java.util.List;

/** A service as the REST API shows it. */
public record ServiceView(String code, String name, String description, OfferingLevel offeringLevel,
		List<CustomerSegment> customerSegments, Stage stage, PortfolioPhase portfolioPhase, int version, String owner,
		String requestedBy, String reviewCycle, String pilotPeriod, Instant nextReviewDue, String lifecycleInstanceId,
		Instant createdAt, Instant updatedAt, List<?> agreements) {

	/** The service with its current performance agreements. */
	public static ServiceView of(PmoService service, List<?> agreements) {
		return new ServiceView(service.getCode(), service.getName(), service.getDescription(),
				service.getOfferingLevel(), service.getCustomerSegments().stream().sorted().toList(), service.getStage(),
				service.getPortfolioPhase(), service.getServiceVersion(), service.getOwner(), service.getRequestedBy(),
				service.getReviewCycle(), service.getPilotPeriod(), service.getNextReviewDue(),
				service.getLifecycleInstanceId(), service.getCreatedAt(), service.getUpdatedAt(), agreements);
	}

}
