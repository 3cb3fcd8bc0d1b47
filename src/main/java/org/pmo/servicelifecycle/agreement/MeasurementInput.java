package org.pmo.servicelifecycle.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.pmo.servicelifecycle.catalog.CustomerSegment;

/**
 * A measured value as a client reports it. {@code period}: a month {@code 2026-11}, a quarter {@code 2026-Q4} or a
 * day within the period {@code 2026-11-15}; {@code segment}: the offering measured (left out: the customer's
 * segment, or the agreement for every segment); {@code customer}: the customer the value was taken for, if any.
 */
public record MeasurementInput(@NotBlank @Size(max = 64) String metric, CustomerSegment segment,
		@NotBlank @Size(max = 10) String period, @NotNull Double value, @Positive Long customer) {

	public MeasurementInput(String metric, CustomerSegment segment, String period, Double value) {
		this(metric, segment, period, value, null);
	}

}
