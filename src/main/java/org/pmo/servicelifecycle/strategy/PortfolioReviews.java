package org.pmo.servicelifecycle.strategy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Portfolio reviews: started on demand by the board, read back with what they saw, advised and decided. */
@Service
public class PortfolioReviews {

	/** Who asked for a review over the API (the application starts it on his behalf). */
	static final String REQUESTED_BY = "portfolioReviewRequestedBy";

	private final PortfolioReviewRepository reviews;

	private final RuntimeService runtimeService;

	private final ApplicationAuthority application;

	private final ObjectMapper json;

	PortfolioReviews(PortfolioReviewRepository reviews, RuntimeService runtimeService,
			ApplicationAuthority application, ObjectMapper json) {
		this.reviews = reviews;
		this.runtimeService = runtimeService;
		this.application = application;
		this.json = json;
	}

	@Transactional
	public PortfolioReviewView start(String reason, String requestedBy) {
		String given = (reason != null) ? reason.strip() : "";
		if (given.isEmpty()) {
			throw new InvalidInputException("reason", "must not be blank");
		}
		if (given.length() > PortfolioReviewSteps.MAX_REASON) {
			throw new InvalidInputException("reason",
					"is longer than " + PortfolioReviewSteps.MAX_REASON + " characters");
		}
		String instance = this.application.call(() -> this.runtimeService
			.startProcessInstanceByKey(PortfolioReviewProcess.KEY,
					Map.of(PortfolioReviewProcess.Variables.REASON, given, REQUESTED_BY, requestedBy))
			.getId());
		return this.reviews.findByProcessInstanceId(instance)
			.map(this::view)
			.orElseThrow(() -> new IllegalStateException("The portfolio review of " + instance + " was not prepared"));
	}

	@Transactional(readOnly = true)
	public PortfolioReviewView find(Long id) {
		return this.reviews.findById(id)
			.map(this::view)
			.orElseThrow(() -> new StrategyItemNotFoundException("portfolio review " + id));
	}

	@Transactional(readOnly = true)
	public List<PortfolioReviewView> latest(int count) {
		return this.reviews.findAllByOrderByIdDesc(PageRequest.of(0, count)).stream().map(this::summaryOf).toList();
	}

	@Transactional(readOnly = true)
	public Optional<PortfolioReviewView> latestDecided() {
		return this.reviews.findFirstByStatusOrderByIdDesc(PortfolioReview.Status.DECIDED).map(this::view);
	}

	private PortfolioReviewView view(PortfolioReview review) {
		return new PortfolioReviewView(review.getId(), review.getStatus().name(), review.getReason(),
				review.getStartedBy(), review.getStartedAt(), review.getDecidedBy(), review.getDecidedAt(),
				review.getProcessInstanceId(), tree(review.getSnapshot()), tree(review.getRecommendation()),
				tree(review.getDecisions()));
	}

	private PortfolioReviewView summaryOf(PortfolioReview review) {
		return new PortfolioReviewView(review.getId(), review.getStatus().name(), review.getReason(),
				review.getStartedBy(), review.getStartedAt(), review.getDecidedBy(), review.getDecidedAt(),
				review.getProcessInstanceId(), null, null, null);
	}

	private JsonNode tree(String text) {
		try {
			return (text != null) ? this.json.readTree(text) : null;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** When the review starts by itself: {@code ${portfolioReviewSchedule.cycle()}} on the schedule's timer. */
	@Component("portfolioReviewSchedule")
	public static class Schedule {

		private final StrategySettings settings;

		private final RuntimeService runtimeService;

		// the timer's cycle is read while the engine deploys its models, before the engine's services exist
		Schedule(StrategySettings settings, @Lazy RuntimeService runtimeService) {
			this.settings = settings;
			this.runtimeService = runtimeService;
		}

		/** "Start the portfolio review": the review runs as its own process, like one the board asks for. */
		public void startReview() {
			this.runtimeService.startProcessInstanceByKey(PortfolioReviewProcess.KEY,
					Map.of(PortfolioReviewProcess.Variables.REASON, reason()));
		}

		public String cycle() {
			return this.settings.portfolioReviewCycleOrDefault();
		}

		/** The reason a scheduled review gives. */
		public String reason() {
			return "Scheduled portfolio review (" + cycle() + ")";
		}

	}

}
