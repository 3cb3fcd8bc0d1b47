package org.pmo.servicelifecycle.lifecycle;

import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.DECISION;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.DECISION_COMMENT;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.OFFERING_LEVEL;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.PILOT_PERIOD;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.RELEASED_VERSION;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.REVIEW_CYCLE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.REVIEW_OUTCOME;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.REVIEW_OPEN;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.REVIEW_REASON;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.REVIEW_REASONS;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.SERVICE_OWNER;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.TRANSFORMED_PILOT_PERIOD;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.TRANSFORMED_REVIEW_CYCLE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.TRANSFORMED_SERVICE_OWNER;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pmo.servicelifecycle.catalog.HistoryDetails;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceTerms;
import org.pmo.servicelifecycle.catalog.Stage;
import org.springframework.stereotype.Component;

/**
 * Moves the catalog along with the lifecycle. The models call it from execution listeners, e.g.
 * {@code ${serviceStage.enter(execution, 'DESIGN')}}, so Cockpit and the catalog never disagree.
 */
@Component("serviceStage")
public class ServiceStage {

	static final String PERIODIC = "periodic";

	/** A text variable holds 4,000 characters. */
	static final int MAX_REASONS_LENGTH = 4000;

	static final String MORE_REASONS = "(more requests joined: see the service's history)";

	/** What a transformation hands back, and the lifecycle variable each stands for once released. */
	private static final String[][] TRANSFORMED_TERMS = { { TRANSFORMED_SERVICE_OWNER, SERVICE_OWNER },
			{ TRANSFORMED_PILOT_PERIOD, PILOT_PERIOD }, { TRANSFORMED_REVIEW_CYCLE, REVIEW_CYCLE } };

	private final ServiceCatalog catalog;

	private final ApplicationAuthority application;

	private final Clock clock;

	private final ReleasedTermsCheck releasedTerms;

	private final TimerCalendar calendar;

	ServiceStage(ServiceCatalog catalog, ApplicationAuthority application, Clock clock,
			ReleasedTermsCheck releasedTerms, TimerCalendar calendar) {
		this.calendar = calendar;
		this.catalog = catalog;
		this.application = application;
		this.clock = clock;
		this.releasedTerms = releasedTerms;
	}

	public void enter(DelegateExecution execution, String stageName) {
		Stage stage = Stage.valueOf(stageName);
		String code = execution.getProcessBusinessKey();
		this.catalog.updateTerms(code, termsOf(execution));
		String decision = firstNonNull(LifecycleVariables.text(execution, DECISION),
				LifecycleVariables.text(execution, REVIEW_OUTCOME));
		this.catalog.moveToStage(code, stage, new HistoryDetails(execution.getCurrentActivityName(), decision,
				this.application.currentUserId(), LifecycleVariables.text(execution, DECISION_COMMENT)));
		if (stage == Stage.OPERATION) {
			// the flag exists from go-live on, so two reviews opened at the same moment collide on it
			execution.setVariable(REVIEW_OPEN, false);
			scheduleNextReview(execution, code);
		}
	}

	/**
	 * A transformation ended. Its terms (owner, pilot period, review cycle) hold for the service only when its new
	 * version was released; an abandoned transformation leaves the live service's terms as they were.
	 */
	public void adoptReleasedTerms(DelegateExecution execution) {
		boolean released = execution.getVariable(RELEASED_VERSION) != null;
		if (released) {
			checkReleasedTerms(execution);
		}
		else {
			this.catalog.abandonNextVersion(execution.getProcessBusinessKey());
		}
		for (String[] term : TRANSFORMED_TERMS) {
			Object value = execution.getVariable(term[0]);
			if (released && value != null) {
				execution.setVariable(term[1], value);
			}
			execution.removeVariable(term[0]);
		}
		execution.removeVariable(RELEASED_VERSION);
	}

	/**
	 * The released terms meet the design form's rules once more (the owner a person of the PMO, pilot period and
	 * review cycle among the form's choices), whatever way they reached the transformation's end.
	 */
	private void checkReleasedTerms(DelegateExecution execution) {
		Map<String, Object> terms = new LinkedHashMap<>();
		for (String[] term : TRANSFORMED_TERMS) {
			Object value = execution.getVariable(term[0]);
			// a term the redesign left as it is in force now (a review cycle changed over the API, say) stays valid
			if (value != null && !value.equals(execution.getVariable(term[1]))) {
				terms.put(term[1], value);
			}
		}
		this.releasedTerms.check(execution, terms);
	}

	/** A periodic timer fired or an unscheduled review was asked for, and no other review is open: this one opens. */
	public void reviewOpened(DelegateExecution execution, String trigger) {
		String reason = reasonOf(execution, trigger);
		// the reason that opened it, as forms of earlier deployments show it, and the list the review keeps
		execution.setVariable(REVIEW_REASON, reason);
		execution.setVariable(REVIEW_REASONS, reason);
		execution.setVariable(REVIEW_OPEN, true);
		this.catalog.record(execution.getProcessBusinessKey(), HistoryKind.REVIEW_OPENED,
				new HistoryDetails(triggerName(trigger), null, this.application.currentUserId(), reason));
	}

	/**
	 * A review is open already: the request (a breach, a manager's message) or the periodic review falling due joins
	 * it, and its form lists the reason with the others. A live service has one review at a time.
	 */
	public void joinOpenReview(DelegateExecution execution, String trigger) {
		String reason = reasonOf(execution, trigger);
		if (PERIODIC.equals(trigger)) {
			reason = reason + ": taken into the review already open";
		}
		String reasons = LifecycleVariables.text(execution, REVIEW_REASONS);
		execution.setVariable(REVIEW_REASONS, joined(reasons, reason));
		this.catalog.record(execution.getProcessBusinessKey(), HistoryKind.REVIEW_JOINED,
				new HistoryDetails(triggerName(trigger), null, this.application.currentUserId(), reason));
	}

	/** The review's decision is taken: the next request opens a review of its own. */
	public void reviewClosed(DelegateExecution execution) {
		execution.setVariable(REVIEW_OPEN, false);
		// a request joining at this moment writes the same variable: one of the two is refused and retried, so no
		// request joins a review already decided
		execution.setVariable(REVIEW_REASONS, null);
		execution.removeVariable(REVIEW_REASON);
	}

	/** What asked for the review, as the history names it. */
	private static String triggerName(String trigger) {
		return PERIODIC.equals(trigger) ? "Periodic review due" : "Unscheduled review requested";
	}

	private String reasonOf(DelegateExecution execution, String trigger) {
		if (PERIODIC.equals(trigger)) {
			scheduleNextReview(execution, execution.getProcessBusinessKey());
			return "Periodic review (cycle " + LifecycleVariables.text(execution, REVIEW_CYCLE) + ")";
		}
		String given = LifecycleVariables.text(execution, REVIEW_REASON);
		return (given != null) ? given : "Unscheduled review requested";
	}

	/** One reason a line, within what a text variable holds; reasons beyond that are left to the history. */
	static String joined(String reasons, String reason) {
		if (reasons == null || reasons.isBlank()) {
			return reason;
		}
		if (reasons.endsWith(MORE_REASONS)) {
			return reasons;
		}
		String all = reasons + "\n" + reason;
		return (all.length() <= MAX_REASONS_LENGTH) ? all
				: reasons.substring(0, Math.min(reasons.length(), MAX_REASONS_LENGTH - MORE_REASONS.length() - 1))
						+ "\n" + MORE_REASONS;
	}

	private void scheduleNextReview(DelegateExecution execution, String code) {
		Instant due = this.calendar.dueAfter(LifecycleVariables.text(execution, REVIEW_CYCLE), this.clock.instant());
		this.catalog.scheduleNextReview(code, due);
	}

	/** Terms the forms may have set so far; invalid values stop the submission with the field named. */
	private ServiceTerms termsOf(DelegateExecution execution) {
		String reviewCycle = LifecycleVariables.text(execution, REVIEW_CYCLE);
		if (reviewCycle != null && !this.calendar.isRepeatingInterval(reviewCycle)) {
			throw new InvalidLifecycleInputException(REVIEW_CYCLE,
					"'" + reviewCycle + "' is not an ISO-8601 repeating interval such as R/P3M");
		}
		String pilotPeriod = LifecycleVariables.text(execution, PILOT_PERIOD);
		if (pilotPeriod != null && !this.calendar.isDuration(pilotPeriod)) {
			throw new InvalidLifecycleInputException(PILOT_PERIOD,
					"'" + pilotPeriod + "' is not an ISO-8601 duration such as P4W");
		}
		return new ServiceTerms(LifecycleVariables.text(execution, SERVICE_OWNER),
				LifecycleVariables.enumValue(execution, OFFERING_LEVEL, OfferingLevel.class), reviewCycle,
				pilotPeriod);
	}

	private static String firstNonNull(String first, String second) {
		return (first != null) ? first : second;
	}

}
