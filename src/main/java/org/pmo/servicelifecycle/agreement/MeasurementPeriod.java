package org.pmo.servicelifecycle.agreement;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** How often an agreement is measured; a period is named by its first day. */
public enum MeasurementPeriod {

	MONTH, QUARTER;

	/** The first day of the period that contains {@code day}. */
	LocalDate startOf(LocalDate day) {
		if (this == MONTH) {
			return day.withDayOfMonth(1);
		}
		int quarter = day.get(IsoFields.QUARTER_OF_YEAR);
		return LocalDate.of(day.getYear(), (quarter - 1) * 3 + 1, 1);
	}

	LocalDate previous(LocalDate periodStart) {
		return (this == MONTH) ? periodStart.minusMonths(1) : periodStart.minusMonths(3);
	}

}
