package org.pmo.servicelifecycle.lifecycle;

import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.DECISION;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.RETIREMENT_DATE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.pmo.servicelifecycle.catalog.Decision;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The retirement date of a plan: customers are told at the approval and get the notice period before it; until the
 * date the service stays live (stage RETIREMENT, still measured), then the timer decommissions it.
 */
@Component("retirementDates")
public class RetirementDates {

	private final Clock clock;

	private final Period noticePeriod;

	RetirementDates(Clock clock, @Value("${pmo.retirement.notice-period:P4W}") Period noticePeriod) {
		this.clock = clock;
		this.noticePeriod = noticePeriod;
	}

	/**
	 * When the retirement's timer decommissions the service: the start of the retirement date (UTC), and never before
	 * the customers have had their notice period since they were told (a notice step that was late moves it).
	 */
	public Date decommissionAt(DelegateExecution execution) {
		Instant planned = dateOf(execution).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant noticeOver = this.clock.instant().atZone(ZoneOffset.UTC).plus(this.noticePeriod).toInstant();
		return Date.from(planned.isBefore(noticeOver) ? noticeOver : planned);
	}

	/** The retirement's date as the plan gave it. */
	public LocalDate dateOf(DelegateExecution execution) {
		return dateOf(execution.getVariable(RETIREMENT_DATE));
	}

	/**
	 * The plan names a date the notice period away at least, and still does when the board approves it.
	 * @throws InvalidLifecycleInputException naming {@code retirementDate}
	 */
	public void check(DelegateTask task) {
		Object decision = task.getVariable(DECISION);
		boolean planning = ServiceLifecycleProcess.Retirement.TASK_PLAN_RETIREMENT.equals(task.getTaskDefinitionKey());
		if (!planning && !Decision.APPROVE.value().equals(decision)) {
			return;
		}
		LocalDate date = dateOf(task.getVariable(RETIREMENT_DATE));
		LocalDate earliest = LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).plus(this.noticePeriod);
		if (date.isBefore(earliest)) {
			throw new InvalidLifecycleInputException(RETIREMENT_DATE, "must be on " + earliest
					+ " or later: customers are told " + describe(this.noticePeriod) + " ahead" + (planning ? "" : "; send the plan back for rework with a later date"));
		}
	}

	/** "4 weeks", "2 months", "10 days". */
	static String describe(Period period) {
		if (period.getYears() == 0 && period.getMonths() == 0 && period.getDays() % 7 == 0) {
			int weeks = period.getDays() / 7;
			return weeks + ((weeks == 1) ? " week" : " weeks");
		}
		StringBuilder text = new StringBuilder();
		append(text, period.getYears(), "year");
		append(text, period.getMonths(), "month");
		append(text, period.getDays(), "day");
		return text.toString();
	}

	private static void append(StringBuilder text, int count, String unit) {
		if (count != 0) {
			text.append(text.isEmpty() ? "" : " ").append(count).append(' ').append(unit).append((count == 1) ? "" : "s");
		}
	}

	private static LocalDate dateOf(Object value) {
		if (value instanceof Date date) {
			return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				// a day as the form gives it; a moment (from a REST client) counts in its own offset
				return (text.length() == 10) ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
			}
			catch (DateTimeParseException ex) {
				throw new InvalidLifecycleInputException(RETIREMENT_DATE, "'" + text + "' is not a date such as 2026-06-30");
			}
		}
		throw new InvalidLifecycleInputException(RETIREMENT_DATE, "is required");
	}

}
