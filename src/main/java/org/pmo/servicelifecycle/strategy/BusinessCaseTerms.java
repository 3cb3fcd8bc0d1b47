package org.pmo.servicelifecycle.strategy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A business case as an analyst estimates it: annual cost, effort in PMO person-days a year, the expected
 * contribution to each objective (0 to 5; objectives left out count 0), and the services it requires or complements,
 * by code.
 */
public record BusinessCaseTerms(@NotNull @PositiveOrZero @Max(1_000_000_000L) Double annualCost,
		@NotNull @PositiveOrZero @Max(100_000) Double effortDays,
		@Size(max = 200) List<@Valid @NotNull Contribution> contributions,
		@Size(max = 50) List<@NotBlank String> requires, @Size(max = 50) List<@NotBlank String> complements) {

	public List<Contribution> contributionsOrNone() {
		return (this.contributions != null) ? this.contributions : List.of();
	}

	public List<String> requiresOrNone() {
		return (this.requires != null) ? this.requires : List.of();
	}

	public List<String> complementsOrNone() {
		return (this.complements != null) ? this.complements : List.of();
	}

	/** The expected contribution to one objective. */
	public record Contribution(@NotNull Long objective, @NotNull @Min(0) @Max(5) Integer score) {
	}

}
