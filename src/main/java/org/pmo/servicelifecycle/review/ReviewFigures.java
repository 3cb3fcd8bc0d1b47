package org.pmo.servicelifecycle.review;

import static org.pmo.servicelifecycle.review.ReviewDecisions.CUSTOMER_SATISFACTION;
import static org.pmo.servicelifecycle.review.ReviewDecisions.PERFORMANCE_SUMMARY;
import static org.pmo.servicelifecycle.review.ReviewDecisions.RECOMMENDATION;
import static org.pmo.servicelifecycle.review.ReviewDecisions.RECOMMENDATION_REASON;
import static org.pmo.servicelifecycle.review.ReviewDecisions.SLA_HEALTH;
import static org.pmo.servicelifecycle.review.ReviewDecisions.STRATEGIC_FIT;
import static org.pmo.servicelifecycle.review.ReviewDecisions.UTILISATION;
import static org.pmo.servicelifecycle.review.ReviewDecisions.UTILISATION_METRICS;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pmo.servicelifecycle.agreement.AgreementBook;
import org.pmo.servicelifecycle.agreement.AgreementView;
import org.pmo.servicelifecycle.agreement.Attainment;
import org.pmo.servicelifecycle.agreement.MetricUnit;
import org.pmo.servicelifecycle.agreement.PerformanceReport;
import org.pmo.servicelifecycle.agreement.PerformanceReport.AgreementPerformance;
import org.pmo.servicelifecycle.catalog.HistoryDetails;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.springframework.stereotype.Component;

/**
 * Gathers the figures a service review decides on, from the service's agreements and measurements, into the
 * variables that the decision {@code review-recommendation} reads and the review form shows. The model calls it as
 * {@code ${reviewFigures.gather(execution)}} when the recommendation starts.
 */
@Component("reviewFigures")
public class ReviewFigures {

	static final String NONE = "none";

	/** Where the engine keeps a business rule task's result until its output mapping has run. */
	static final String DECISION_RESULT = "decisionResult";

	private final AgreementBook agreements;

	private final ServiceCatalog catalog;

	ReviewFigures(AgreementBook agreements, ServiceCatalog catalog) {
		this.agreements = agreements;
		this.catalog = catalog;
	}

	public void gather(DelegateExecution execution) {
		PerformanceReport report = this.agreements.performance(execution.getProcessBusinessKey());
		execution.setVariable(SLA_HEALTH, healthOf(report.health()));
		execution.setVariable(CUSTOMER_SATISFACTION, latestMean(report, (a) -> a.unit() == MetricUnit.SCORE_1_TO_5));
		execution.setVariable(UTILISATION, latestMean(report,
				(a) -> a.unit() == MetricUnit.PERCENT && UTILISATION_METRICS.contains(a.metric())));
		if (!execution.hasVariable(STRATEGIC_FIT)) {
			execution.setVariable(STRATEGIC_FIT, null);
		}
		execution.setVariable(PERFORMANCE_SUMMARY, summaryOf(report));
	}

	/**
	 * Keeps the decision's advice in the service's history, so the audit shows what was recommended next to what the
	 * reviewer decided. The model calls it as {@code ${reviewFigures.recordRecommendation(execution)}} at the end.
	 */
	public void recordRecommendation(DelegateExecution execution) {
		// end listeners run before the output mapping: the advice is still in the task's decision result
		Object recommendation = null;
		Object reason = null;
		if (execution.getVariableLocal(DECISION_RESULT) instanceof DmnDecisionResult result
				&& result.getFirstResult() != null) {
			recommendation = result.getFirstResult().getEntry(RECOMMENDATION);
			reason = result.getFirstResult().getEntry(RECOMMENDATION_REASON);
		}
		this.catalog.record(execution.getProcessBusinessKey(), HistoryKind.RECOMMENDED,
				new HistoryDetails(execution.getCurrentActivityName(),
						(recommendation != null) ? recommendation.toString() : null, null,
						(reason != null) ? reason.toString() : null));
	}

	/** A service's SLA health and utilisation as its reviews see them, for the portfolio review's snapshot. */
	public ServiceFigures figuresOf(String code) {
		PerformanceReport report = this.agreements.performance(code);
		return new ServiceFigures(healthOf(report.health()), latestMean(report,
				(a) -> a.unit() == MetricUnit.PERCENT && UTILISATION_METRICS.contains(a.metric())));
	}

	/** SLA health ({@code met}, {@code at-risk}, {@code breached}, {@code none}) and utilisation in per cent or null. */
	public record ServiceFigures(String slaHealth, Double utilisation) {
	}

	/** The attainment as the decision reads it: {@code met}, {@code at-risk}, {@code breached} or {@code none}. */
	static String healthOf(Attainment attainment) {
		return (attainment != null) ? attainment.name().toLowerCase(Locale.ROOT).replace('_', '-') : NONE;
	}

	/** Mean of the newest measured period of each matching agreement, or null when none was measured. */
	private static Double latestMean(PerformanceReport report, java.util.function.Predicate<AgreementView> which) {
		OptionalDouble mean = report.agreements()
			.stream()
			.filter((row) -> which.test(row.agreement()) && !row.periods().isEmpty())
			.mapToDouble((row) -> row.periods().get(0).value())
			.average();
		return mean.isPresent() ? round(mean.getAsDouble()) : null;
	}

	private static String summaryOf(PerformanceReport report) {
		if (report.agreements().isEmpty()) {
			return "No performance agreements for version " + report.version() + " yet.";
		}
		List<String> lines = new ArrayList<>();
		for (AgreementPerformance row : report.agreements()) {
			AgreementView agreement = row.agreement();
			String terms = agreement.metric() + ((agreement.segment() != null) ? " (" + agreement.segment() + ")" : "")
					+ ", agreed " + agreement.direction().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
					+ format(agreement.target()) + " " + unitOf(agreement.unit());
			if (row.periods().isEmpty()) {
				lines.add(terms + ": not measured yet");
			}
			else {
				PerformanceReport.PeriodFigure latest = row.periods().get(0);
				lines.add(terms + ": " + format(latest.value()) + " in " + latest.period() + ", "
						+ healthOf(latest.attainment()));
			}
		}
		return String.join("\n", lines);
	}

	private static String unitOf(MetricUnit unit) {
		return switch (unit) {
			case PERCENT -> "%";
			case SCORE_1_TO_5 -> "of 5";
			case DAYS -> "days";
			case COUNT -> "";
		};
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
	}

}
