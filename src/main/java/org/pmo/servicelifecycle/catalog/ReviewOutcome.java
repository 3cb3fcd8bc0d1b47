package org.pmo.servicelifecycle.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a review of a live service concludes: the values of the review form's {@code reviewOutcome} field. */
public enum ReviewOutcome {

	CONTINUE, TRANSFORM, RETIRE;

	/** As the review form submits it and the service history records it. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Every outcome as the form submits it. */
	static List<String> formValues() {
		return Arrays.stream(values()).map(ReviewOutcome::value).toList();
	}

}
