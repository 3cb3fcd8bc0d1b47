package org.pmo.servicelifecycle.demo;

import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.CUSTOMER_NOTICE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.DECISION;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.DECISION_COMMENT;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.OFFERING_LEVEL;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.PILOT_PERIOD;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.RETIREMENT_DATE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.REVIEW_CYCLE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.REVIEW_OUTCOME;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.SERVICE_OWNER;
import static org.pmo.servicelifecycle.review.ReviewDecisions.STRATEGIC_FIT;
import static org.pmo.servicelifecycle.review.ReviewDecisions.VALUE_TO_ORGANISATION;
import static org.pmo.servicelifecycle.strategy.BusinessCaseForm.ANNUAL_COST;
import static org.pmo.servicelifecycle.strategy.BusinessCaseForm.EFFORT_DAYS;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.camunda.spin.plugin.variable.SpinValues;
import org.pmo.servicelifecycle.agreement.OfferingDesign;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.ReviewOutcome;

/** The lifecycle's task forms filled in as people do: each payload is written here once. */
public final class LifecycleForms {

	// fields of the forms that no other part of the application names
	public static final String DESIGN_SUMMARY = "designSummary";

	public static final String SLA_SUMMARY = "slaSummary";

	public static final String LESSONS_LEARNED = "lessonsLearned";

	public static final String REVIEW_FINDINGS = "reviewFindings";

	public static final String SUCCESSOR_SERVICE = "successorService";

	public static final String CUSTOMER_NOTICE_TEXT = "Please use the successor service.";

	private LifecycleForms() {
	}

	/** "Evaluate service need"; an offering level of null leaves the requested one. */
	public static Map<String, Object> needEvaluation(Decision decision, OfferingLevel offeringLevel) {
		Map<String, Object> fields = fields(STRATEGIC_FIT, "high", VALUE_TO_ORGANISATION, 4L, DECISION,
				decision.value(), DECISION_COMMENT, "Need " + decision.value());
		if (offeringLevel != null) {
			fields.put(OFFERING_LEVEL, offeringLevel.name());
		}
		return fields;
	}

	/** The offering a design makes unless it says otherwise: mandated for project managers, on time 90 %. */
	public static final String STANDARD_OFFERINGS = "[{\"segment\":\"PROJECT_MANAGERS\",\"level\":\"MANDATED\"}]";

	public static final String STANDARD_AGREEMENTS = "[" + agreementRow("PROJECT_MANAGERS", "on-time-delivery", "PERCENT",
			"AT_LEAST", 90, null) + "]";

	/** "Design service" and "Redesign service", with the standard offering. */
	public static Map<String, Object> design(String owner, String pilotPeriod, String reviewCycle) {
		return design(owner, pilotPeriod, reviewCycle, STANDARD_OFFERINGS, STANDARD_AGREEMENTS);
	}

	/** "Redesign service" keeping the offerings and agreements the form shows (those of the live version). */
	public static Map<String, Object> redesign(String owner, String pilotPeriod, String reviewCycle) {
		Map<String, Object> fields = design(owner, pilotPeriod, reviewCycle);
		fields.remove(OfferingDesign.OFFERINGS);
		fields.remove(OfferingDesign.AGREEMENTS);
		return fields;
	}

	/** "Design service" with offerings and agreements as the form's rows (JSON arrays, as Tasklist sends them). */
	public static Map<String, Object> design(String owner, String pilotPeriod, String reviewCycle, String offerings,
			String agreements) {
		return fields(DESIGN_SUMMARY, "Delivered by the PMO team with a standard template and a named lead.",
				SLA_SUMMARY, "Measured by the PMO office from the delivery log.", OfferingDesign.OFFERINGS,
				SpinValues.jsonValue(offerings).create(), OfferingDesign.AGREEMENTS,
				SpinValues.jsonValue(agreements).create(), SERVICE_OWNER, owner, PILOT_PERIOD, pilotPeriod,
				REVIEW_CYCLE, reviewCycle, ANNUAL_COST, 25_000.0, EFFORT_DAYS, 50.0);
	}

	/** "Design service" offering each segment at the level, each with an on-time agreement of 90 %. */
	public static Map<String, Object> design(String owner, String pilotPeriod, String reviewCycle,
			Set<CustomerSegment> segments, OfferingLevel level) {
		StringJoiner offerings = new StringJoiner(",", "[", "]");
		StringJoiner agreements = new StringJoiner(",", "[", "]");
		segments.stream().sorted().forEach((segment) -> {
			offerings.add(offeringRow(segment.name(), level.name(), null));
			agreements.add(agreementRow(segment.name(), "on-time-delivery", "PERCENT", "AT_LEAST", 90, null));
		});
		return design(owner, pilotPeriod, reviewCycle, offerings.toString(), agreements.toString());
	}

	/** One row of the design form's offerings; {@code places} null for no limit. */
	public static String offeringRow(String segment, String level, Integer places) {
		return "{\"segment\":\"" + segment + "\",\"level\":\"" + level + "\""
				+ ((places != null) ? ",\"capacity\":" + places : "") + "}";
	}

	/** One row of the design form's agreements, measured monthly; {@code riskMargin} null for none. */
	public static String agreementRow(String segment, String metric, String unit, String direction, double target,
			Double riskMargin) {
		return "{\"segment\":\"" + segment + "\",\"metric\":\"" + metric + "\",\"unit\":\"" + unit
				+ "\",\"direction\":\"" + direction + "\",\"target\":" + target + ",\"period\":\"MONTH\""
				+ ((riskMargin != null) ? ",\"riskMargin\":" + riskMargin : "") + "}";
	}

	/** A board's gate: business case, go-live, their transformation counterparts. */
	public static Map<String, Object> decision(Decision decision, String gate) {
		return fields(DECISION, decision.value(), DECISION_COMMENT, gate + ": " + decision.value());
	}

	/** "Review pilot" and "Review transformation pilot". */
	public static Map<String, Object> pilotReview(Decision decision) {
		return fields(LESSONS_LEARNED, "Customers valued it; templates were tightened.", DECISION, decision.value(),
				DECISION_COMMENT, "Pilot " + decision.value());
	}

	/** "Review service". */
	public static Map<String, Object> serviceReview(ReviewOutcome outcome) {
		return fields(REVIEW_FINDINGS, "Usage, agreements and feedback reviewed with the service owner.", REVIEW_OUTCOME, outcome.value(), DECISION_COMMENT,
				"Review outcome " + outcome.value());
	}

	/** "Plan retirement". */
	public static Map<String, Object> retirementPlan(LocalDate retirementDate) {
		return fields(RETIREMENT_DATE, retirementDate.toString(), CUSTOMER_NOTICE, CUSTOMER_NOTICE_TEXT,
				SUCCESSOR_SERVICE, "Enterprise resource tool");
	}

	/** "Approve retirement". */
	public static Map<String, Object> retirementApproval(LocalDate retirementDate, Decision decision) {
		return fields(RETIREMENT_DATE, retirementDate.toString(), CUSTOMER_NOTICE, CUSTOMER_NOTICE_TEXT, DECISION,
				decision.value(), DECISION_COMMENT, "Retirement " + decision.value());
	}

	private static Map<String, Object> fields(Object... namesAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

}
