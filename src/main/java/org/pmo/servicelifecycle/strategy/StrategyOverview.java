package org.pmo.servicelifecycle.strategy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.Stage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Strategy at a glance, for the portfolio page: how much the services in the catalog give each objective (and before
 * and after the latest portfolio review's decisions), this year's capacity against what is committed, the latest
 * review, and the gaps and overlaps.
 */
@Service
public class StrategyOverview {

	/** A service with this score for an objective is one of its main contributors. */
	static final int STRONG = 4;

	private static final Set<Stage> IN_THE_CATALOG = EnumSet.of(Stage.PILOT, Stage.IMPLEMENTATION, Stage.OPERATION,
			Stage.TRANSFORM);

	private final StrategicObjectives objectives;

	private final BusinessCases businessCases;

	private final ServiceCatalog catalog;

	private final PmoCapacity capacity;

	private final PortfolioReviews reviews;

	StrategyOverview(StrategicObjectives objectives, BusinessCases businessCases, ServiceCatalog catalog,
			PmoCapacity capacity, PortfolioReviews reviews) {
		this.objectives = objectives;
		this.businessCases = businessCases;
		this.catalog = catalog;
		this.capacity = capacity;
		this.reviews = reviews;
	}

	@Transactional(readOnly = true)
	public View overview() {
		List<StrategicObjective> current = this.objectives.current();
		Map<Long, BusinessCaseRecord> cases = this.businessCases.all();
		List<PmoService> services = this.catalog.inStages(IN_THE_CATALOG);
		Optional<PortfolioReviewView> latest = this.reviews.latestDecided();
		JsonNode decisions = latest.map(PortfolioReviewView::decisions).orElse(null);
		List<Coverage> coverage = new ArrayList<>();
		List<String> objectiveGaps = new ArrayList<>();
		List<Overlap> overlaps = new ArrayList<>();
		for (StrategicObjective objective : current) {
			int points = 0;
			int contributors = 0;
			List<PmoService> strong = new ArrayList<>();
			for (PmoService service : services) {
				BusinessCaseRecord record = cases.get(service.getId());
				int score = (record != null) ? record.getContributions().getOrDefault(objective.getId(), 0) : 0;
				points += score;
				contributors += (score > 0) ? 1 : 0;
				if (score >= STRONG) {
					strong.add(service);
				}
			}
			coverage.add(new Coverage(objective.getId(), objective.getName(), objective.getWeight(), points,
					contributors, pointsIn(decisions, "coverageBefore", objective.getName()),
					pointsIn(decisions, "coverageAfter", objective.getName())));
			if (points == 0) {
				objectiveGaps.add(objective.getName());
			}
			overlaps.addAll(overlapsOf(objective, strong));
		}
		Set<CustomerSegment> unserved = EnumSet.allOf(CustomerSegment.class);
		services.forEach((service) -> unserved.removeAll(service.getCustomerSegments()));
		ReviewSummary review = latest.map((view) -> new ReviewSummary(view.id(), view.reason(), view.decidedBy(),
				view.decidedAt(), (decisions != null) ? decisions.path("lines") : null)).orElse(null);
		return new View(coverage, this.capacity.find(this.capacity.thisYear()).orElse(null), review, objectiveGaps,
				unserved.stream().map(Enum::name).toList(), overlaps);
	}

	/** Services that contribute strongly to the same objective for the same customer segment. */
	private static List<Overlap> overlapsOf(StrategicObjective objective, List<PmoService> strong) {
		List<Overlap> overlaps = new ArrayList<>();
		for (CustomerSegment segment : CustomerSegment.values()) {
			Set<String> codes = new TreeSet<>();
			strong.stream()
				.filter((service) -> service.getCustomerSegments().contains(segment))
				.forEach((service) -> codes.add(service.getCode()));
			if (codes.size() > 1) {
				overlaps.add(new Overlap(objective.getName(), segment.name(), List.copyOf(codes)));
			}
		}
		return overlaps;
	}

	private static Integer pointsIn(JsonNode decisions, String field, String objective) {
		if (decisions == null || !decisions.path(field).has(objective)) {
			return null;
		}
		return decisions.path(field).path(objective).asInt();
	}

	/** The page's data. */
	public record View(List<Coverage> objectives, CapacityView capacity, ReviewSummary latestReview,
			List<String> objectiveGaps, List<String> segmentGaps, List<Overlap> overlaps) {
	}

	/**
	 * What the catalog gives one objective: the sum of its services' contributions (0 to 5 each), how many services
	 * contribute, and the sums before and after the latest review's decisions.
	 */
	public record Coverage(Long id, String name, int weight, int points, int services, Integer beforeReview,
			Integer afterReview) {
	}

	/** The latest decided portfolio review and its lines. */
	public record ReviewSummary(Long id, String reason, String decidedBy, Instant decidedAt, JsonNode decisions) {
	}

	/** Several services that serve one objective strongly for the same segment. */
	public record Overlap(String objective, String segment, List<String> services) {
	}

}
