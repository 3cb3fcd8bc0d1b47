package org.pmo.servicelifecycle.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.pmo.servicelifecycle.catalog.CustomerSegment;

/**
 * What a client sends to define an agreement. {@code segment} left out: the agreement holds for every segment;
 * {@code period} left out: measured monthly.
 */
public record AgreementTerms(CustomerSegment segment,
		@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9]*(-[a-z0-9]+)*",
				message = "must be lower-case words joined by hyphens, e.g. on-time-delivery") String metric,
		@NotNull MetricUnit unit, @NotNull Direction direction, @NotNull Double target, MeasurementPeriod period,
		@Size(max = 255) String description) {

	MeasurementPeriod periodOrDefault() {
		return (this.period != null) ? this.period : MeasurementPeriod.MONTH;
	}

}
