package org.pmo.servicelifecycle.customer;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.pmo.servicelifecycle.catalog.CustomerSegment;

/** A customer organisation as a client defines it; {@code members}: user ids of service-customers. */
public record CustomerTerms(
		@NotBlank @Size(max = 120) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not hold control characters") String name,
		@NotNull CustomerSegment segment,
		@NotBlank @Size(max = 254) @Email(regexp = ".+@.+\\..+", message = "must be an e-mail address such as pmo@example.org") String contactEmail,
		@Size(max = 200) List<@NotBlank @Size(max = 64) String> members) {

	List<String> membersOrNone() {
		return (this.members != null) ? this.members : List.of();
	}

}
