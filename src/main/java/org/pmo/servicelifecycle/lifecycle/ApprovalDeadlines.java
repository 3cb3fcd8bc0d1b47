package org.pmo.servicelifecycle.lifecycle;

import java.time.Clock;
import java.util.Date;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The due dates of the approvals, from {@code pmo.approvals.due.*}. The models set each approval's due date with
 * {@code ${approvalDeadlines.dueDate('justification')}} and its escalation timer with
 * {@code ${approvalDeadlines.duration('justification')}}, so the timer fires when the task falls due.
 */
@Component("approvalDeadlines")
public class ApprovalDeadlines {

	private final ApprovalSettings settings;

	private final Clock clock;

	private final TimerCalendar calendar;

	ApprovalDeadlines(ApprovalSettings settings, Clock clock, TimerCalendar calendar) {
		this.settings = settings;
		this.clock = clock;
		this.calendar = calendar;
		check("defaultDue", settings.defaultDue());
		settings.due().forEach((kind, duration) -> check("due." + kind, duration));
	}

	/** The ISO-8601 duration an approval of this kind may take, e.g. {@code P5D}. */
	public String duration(String kind) {
		return this.settings.due().getOrDefault(kind, this.settings.defaultDue());
	}

	/** When an approval of this kind that opens now falls due. */
	public Date dueDate(String kind) {
		return Date.from(this.calendar.dueAfter(duration(kind), this.clock.instant()));
	}

	Map<String, String> durations() {
		return this.settings.due();
	}

	private void check(String key, String duration) {
		if (!this.calendar.isDuration(duration)) {
			throw new IllegalStateException(
					"pmo.approvals." + key + ": '" + duration + "' is not an ISO-8601 duration such as P5D");
		}
	}

}
