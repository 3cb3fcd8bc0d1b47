package org.pmo.servicelifecycle.strategy;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An objective as the board writes it: weight 1 (least) to 10 (most), valid from a day, until a day or open-ended.
 */
public record ObjectiveTerms(@NotBlank @Size(max = 120) @Pattern(regexp = "[^\\p{Cntrl}]*",
		message = "must be one line without control characters") String name,
		@NotBlank @Size(max = 2000) String description,
		@NotNull @Min(MIN_WEIGHT) @Max(MAX_WEIGHT) Integer weight, @NotNull LocalDate validFrom, LocalDate validTo) {

	public static final int MIN_WEIGHT = 1;

	public static final int MAX_WEIGHT = 10;

}
