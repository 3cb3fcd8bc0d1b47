package org.pmo.servicelifecycle.strategy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** A year's capacity (person-days) and budget, as the board plans them. */
public record CapacityTerms(@NotNull @PositiveOrZero @Max(1_000_000) Double capacityDays,
		@NotNull @PositiveOrZero @Max(1_000_000_000_000L) Double budget) {
}
