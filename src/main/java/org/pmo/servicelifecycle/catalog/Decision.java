package org.pmo.servicelifecycle.catalog;

import java.util.Locale;

/** The choice at a gate of the lifecycle: the values of the forms' {@code decision} field. */
public enum Decision {

	APPROVE, REJECT, REWORK,
	/** Only at a pilot review: the pilot runs for another period. */
	EXTEND;

	/** As the forms submit it and the service history records it. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
