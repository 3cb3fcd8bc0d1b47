package org.pmo.servicelifecycle.agreement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;

/** Reads and names measurement periods: {@code 2026-11}, {@code 2026-Q4}, or a day within the period. */
final class Periods {

	private static final java.util.regex.Pattern QUARTER = java.util.regex.Pattern.compile("(\\d{4})-Q([1-4])");

	private Periods() {
	}

	/** The first day of the agreement's period that {@code text} names or falls in, or null when unreadable. */
	static LocalDate startOf(String text, MeasurementPeriod period) {
		Matcher quarter = QUARTER.matcher(text);
		try {
			LocalDate day;
			if (quarter.matches()) {
				day = LocalDate.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1);
			}
			else if (text.length() == 7) {
				day = YearMonth.parse(text).atDay(1);
			}
			else {
				day = LocalDate.parse(text);
			}
			return period.startOf(day);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static String name(LocalDate start, MeasurementPeriod period) {
		return (period == MeasurementPeriod.MONTH) ? YearMonth.from(start).toString()
				: start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
	}

}
