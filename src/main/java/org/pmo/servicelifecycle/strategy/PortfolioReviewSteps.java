package org.pmo.servicelifecycle.strategy;

import static org.pmo.servicelifecycle.strategy.PortfolioReviewProcess.LineFields;
import static org.pmo.servicelifecycle.strategy.PortfolioReviewProcess.Variables;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.pmo.servicelifecycle.catalog.HistoryDetails;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code pmo-portfolio-review}: take the snapshot, recommend the mix, act on the board's decisions. The
 * model calls them as {@code ${portfolioReviewSteps.prepare(execution)}} and so on.
 */
@Component("portfolioReviewSteps")
public class PortfolioReviewSteps {

	/** Priority of a pipeline request's tasks once the review starts it, or defers it. */
	static final int STARTED_PRIORITY = 75;

	static final int DEFERRED_PRIORITY = 25;

	static final int MAX_REASON = 500;

	/** The longest text variable the engine stores. */
	static final int MAX_TEXT = 4000;

	private final PortfolioReviewRepository reviews;

	private final PortfolioSnapshots snapshots;

	private final ServiceMixSolver solver;

	private final ServiceCatalog catalog;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ApplicationAuthority application;

	private final StrategySettings settings;

	private final ObjectMapper json;

	private final Clock clock;

	PortfolioReviewSteps(PortfolioReviewRepository reviews, PortfolioSnapshots snapshots, ServiceMixSolver solver,
			ServiceCatalog catalog, RuntimeService runtimeService, TaskService taskService,
			ApplicationAuthority application, StrategySettings settings, ObjectMapper json, Clock clock) {
		this.reviews = reviews;
		this.snapshots = snapshots;
		this.solver = solver;
		this.catalog = catalog;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.application = application;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
	}

	/** "Prepare portfolio snapshot": the review's record and what it sees. */
	public void prepare(DelegateExecution execution) {
		String startedBy = this.application.currentUserId();
		if (startedBy == null && execution.getVariable(PortfolioReviews.REQUESTED_BY) instanceof String requester) {
			startedBy = requester;
		}
		Object given = execution.getVariable(Variables.REASON);
		String reason = (given instanceof String text && !text.isBlank()) ? text.strip()
				: "Portfolio review (" + this.settings.portfolioReviewCycleOrDefault() + ")";
		execution.setVariable(Variables.REASON, reason);
		PortfolioReview review = new PortfolioReview(execution.getProcessInstanceId(), startedBy, reason,
				this.clock.instant());
		review.recordSnapshot(write(this.snapshots.take()));
		review = this.reviews.save(review);
		execution.setVariable(Variables.REVIEW_ID, review.getId());
	}

	/** "Recommend service mix": the solver's answer, a line per service for the board's form, and a summary. */
	public void recommend(DelegateExecution execution) {
		PortfolioReview review = review(execution);
		PortfolioSnapshot snapshot = read(review.getSnapshot(), PortfolioSnapshot.class);
		PortfolioRecommendation recommendation = PortfolioAdvice.recommend(snapshot, this.solver);
		review.recordRecommendation(write(recommendation));
		this.reviews.save(review);
		List<Map<String, Object>> lines = new ArrayList<>();
		for (PortfolioRecommendation.Line line : recommendation.lines()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put(LineFields.CODE, line.code());
			row.put(LineFields.NAME, line.name());
			row.put(LineFields.STAGE, line.stage());
			row.put(LineFields.RECOMMENDATION, line.recommendation().value());
			row.put(LineFields.RECOMMENDATION_REASON, line.reason());
			lines.add(row);
		}
		execution.setVariable(Variables.LINES, SpinValues.jsonValue(write(lines)).create());
		// a text variable holds 4,000 characters at most; the lines themselves are JSON, which has no such limit
		execution.setVariable(Variables.SUMMARY, shorten(
				PortfolioAdvice.summary(snapshot, recommendation, previous(review), review.getId()), MAX_TEXT));
	}

	/**
	 * "Act on portfolio decisions": every line of the advice holds unless the board's changes name the service with
	 * another decision and its reason; then services to transform or retire get an unscheduled review, pipeline
	 * requests are re-prioritised, and each service's history keeps the decision. Nothing is done unless every change
	 * is valid.
	 */
	public void act(DelegateExecution execution) {
		PortfolioReview review = review(execution);
		PortfolioRecommendation recommendation = read(review.getRecommendation(), PortfolioRecommendation.class);
		PortfolioSnapshot snapshot = read(review.getSnapshot(), PortfolioSnapshot.class);
		Object changes = execution.getVariable(Variables.CHANGES);
		Map<String, String[]> overrides = PortfolioChanges.parse((changes instanceof String text) ? text : "",
				recommendation.lines());
		String actor = this.application.currentUserId();
		List<PortfolioDecisions.Line> decided = new ArrayList<>();
		Set<String> stays = new HashSet<>();
		for (PortfolioRecommendation.Line advice : recommendation.lines()) {
			String[] change = overrides.get(advice.code());
			PortfolioChoice decision = (change != null) ? PortfolioChoice.of(change[0]) : advice.recommendation();
			boolean accepted = decision == advice.recommendation();
			String reason = (change != null && !change[1].isEmpty()) ? change[1] : advice.reason();
			PortfolioDecisions.Line line = new PortfolioDecisions.Line(advice.code(), advice.name(),
					advice.recommendation(), decision, accepted, reason, null);
			decided.add(new PortfolioDecisions.Line(line.code(), line.name(), line.recommendation(), line.decision(),
					line.accepted(), line.reason(), carryOut(review, line, actor)));
			if (decision == PortfolioChoice.KEEP || decision == PortfolioChoice.TRANSFORM
					|| decision == PortfolioChoice.START) {
				stays.add(advice.code());
			}
		}
		Object comment = execution.getVariable(Variables.DECISION_COMMENT);
		PortfolioDecisions decisions = new PortfolioDecisions(decided,
				(comment instanceof String text && !text.isBlank()) ? text.strip() : null,
				recommendation.coverageNow(), PortfolioSnapshots.coverage(snapshot, stays));
		review.recordDecisions(write(decisions), actor, this.clock.instant());
		this.reviews.save(review);
	}

	/** Does what the decision asks, as the application; tells what was done. */
	private String carryOut(PortfolioReview review, PortfolioDecisions.Line line, String actor) {
		String label = "Portfolio review #" + review.getId();
		String action = this.application.call(() -> switch (line.decision()) {
			case TRANSFORM, RETIRE -> askForReview(line, label);
			case START -> reprioritise(line.code(), STARTED_PRIORITY);
			case DEFER -> reprioritise(line.code(), DEFERRED_PRIORITY);
			case KEEP -> "none";
		});
		String comment = label + ": " + (line.accepted() ? "as recommended, " : "recommended "
				+ line.recommendation().value() + ", decided ") + line.decision().value() + " — " + line.reason();
		this.catalog.record(line.code(), HistoryKind.PORTFOLIO_DECISION, new HistoryDetails(label,
				line.decision().value(), actor, shorten(comment + " (" + action + ")", 2000)));
		return action;
	}

	private String askForReview(PortfolioDecisions.Line line, String label) {
		String reason = shorten(label + ": " + line.decision().value() + " — " + line.reason(), MAX_REASON);
		int opened = this.runtimeService.createMessageCorrelation(ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED)
			.processInstanceBusinessKey(line.code())
			.setVariable(ServiceLifecycleProcess.Variables.REVIEW_REASON, reason)
			.correlateAllWithResult()
			.size();
		return (opened > 0) ? "unscheduled review asked for" : "no review opened: the service is not in operation";
	}

	private String reprioritise(String code, int priority) {
		List<Task> tasks = this.taskService.createTaskQuery().processInstanceBusinessKey(code).list();
		tasks.forEach((task) -> this.taskService.setPriority(task.getId(), priority));
		return String.format(Locale.ROOT, "%d open task(s) now priority %d", tasks.size(), priority);
	}

	private PortfolioReview previous(PortfolioReview review) {
		return this.reviews.findFirstByStatusAndIdLessThanOrderByIdDesc(PortfolioReview.Status.DECIDED, review.getId())
			.orElse(null);
	}

	private PortfolioReview review(DelegateExecution execution) {
		Object id = execution.getVariable(Variables.REVIEW_ID);
		return this.reviews.findById(((Number) id).longValue())
			.orElseThrow(() -> new IllegalStateException("No portfolio review " + id));
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	<T> T read(String text, Class<T> type) {
		try {
			return this.json.readValue(text, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String shorten(String text, int most) {
		return (text.length() <= most) ? text : text.substring(0, most - 1) + "…";
	}

}
