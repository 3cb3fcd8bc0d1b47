package org.pmo.servicelifecycle.agreement;

import java.util.List;

import org.pmo.servicelifecycle.catalog.CustomerSegment;

/** What recording measurements brought: how many were kept and which agreements they found breached. */
public record MeasurementResult(int recorded, List<Breach> breaches) {

	/** A newly breached agreement; {@code reviewRequested} when the live service's lifecycle was asked to review. */
	public record Breach(String metric, CustomerSegment segment, String period, double value, double target,
			boolean reviewRequested) {
	}

}
