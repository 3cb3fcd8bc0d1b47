package org.pmo.servicelifecycle.agreement;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.OfferingLevel;

/**
 * An offering as a client or the design form defines it: the segment, the level, an optional limit of subscribers,
 * and the agreements that hold for it (their {@code segment} left out or the offering's).
 */
public record OfferingTerms(@NotNull CustomerSegment segment, @NotNull OfferingLevel level,
		@Min(1) @Max(100000) Integer capacity, @Size(max = 255) String description,
		@Size(max = OfferingBook.MAX_AGREEMENTS) List<@Valid @NotNull AgreementTerms> agreements) {

	List<AgreementTerms> agreementsOrNone() {
		return (this.agreements != null) ? this.agreements : List.of();
	}

}
