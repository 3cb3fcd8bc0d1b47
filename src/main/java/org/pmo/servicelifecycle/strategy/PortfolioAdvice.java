package org.pmo.servicelifecycle.strategy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.pmo.servicelifecycle.catalog.CustomerSegment;

/** From a snapshot to the review's advice and the summary the board reads next to it. */
final class PortfolioAdvice {

	static final String BREACHED = "breached";

	private PortfolioAdvice() {
	}

	static PortfolioRecommendation recommend(PortfolioSnapshot snapshot, ServiceMixSolver solver) {
		Set<String> weighed = new HashSet<>();
		Set<String> inScope = new HashSet<>();
		for (PortfolioSnapshot.ServiceLine service : snapshot.services()) {
			inScope.add(service.code());
			if (service.businessCase()) {
				weighed.add(service.code());
			}
		}
		List<MixCandidate> candidates = new ArrayList<>();
		for (PortfolioSnapshot.ServiceLine service : snapshot.services()) {
			if (!service.businessCase()) {
				continue;
			}
			boolean mustStay = service.mandated() || PortfolioScope.UNDER_WAY.contains(service.stage());
			// a prerequisite without numbers stays as it is; one that left the portfolio rules a service out,
			// unless the service must stay anyway
			Set<String> requires = new HashSet<>();
			for (String prerequisite : service.requires()) {
				if (weighed.contains(prerequisite) || (!inScope.contains(prerequisite) && !mustStay)) {
					requires.add(prerequisite);
				}
			}
			candidates.add(new MixCandidate(service.code(), service.name(), service.strategicValue(),
					service.effortDays(), service.annualCost(), service.mandated(),
					PortfolioScope.UNDER_WAY.contains(service.stage()), requires, Set.copyOf(service.complements())));
		}
		CapacityView capacity = snapshot.capacity();
		MixLimits limits = (capacity != null) ? new MixLimits(capacity.capacityDays(), capacity.budget())
				: new MixLimits(null, null);
		ServiceMix mix = solver.solve(candidates, limits);
		Map<String, ServiceMix.Line> mixLines = new HashMap<>();
		mix.lines().forEach((line) -> mixLines.put(line.code(), line));
		List<PortfolioRecommendation.Line> lines = new ArrayList<>();
		Set<String> now = new HashSet<>();
		Set<String> recommended = new HashSet<>();
		for (PortfolioSnapshot.ServiceLine service : snapshot.services()) {
			boolean pipeline = PortfolioScope.PIPELINE_REQUESTS.contains(service.stage());
			if (!pipeline) {
				now.add(service.code());
			}
			ServiceMix.Line line = mixLines.get(service.code());
			PortfolioChoice choice;
			String reason;
			if (line == null && pipeline) {
				// a request without numbers is weighed once designed: nothing to decide yet (the summary names it)
				continue;
			}
			if (line == null) {
				choice = PortfolioChoice.KEEP;
				reason = "No business case in numbers yet: it is weighed once it has one";
			}
			else if (!mix.feasible()) {
				choice = pipeline ? PortfolioChoice.DEFER : PortfolioChoice.KEEP;
				reason = line.reason() + (pipeline ? ": nothing new starts" : ": kept until the board decides");
			}
			else if (pipeline) {
				choice = line.chosen() ? PortfolioChoice.START : PortfolioChoice.DEFER;
				reason = line.reason();
			}
			else if (!line.chosen() && !PortfolioScope.UNDER_WAY.contains(service.stage())) {
				choice = PortfolioChoice.RETIRE;
				reason = line.reason();
			}
			else if (BREACHED.equals(service.slaHealth()) && PortfolioScope.LIVE.contains(service.stage())) {
				choice = PortfolioChoice.TRANSFORM;
				reason = line.reason() + "; its performance agreements are breached: transform it";
			}
			else {
				choice = PortfolioChoice.KEEP;
				reason = line.reason();
			}
			if (choice != PortfolioChoice.RETIRE && choice != PortfolioChoice.DEFER) {
				recommended.add(service.code());
			}
			lines.add(new PortfolioRecommendation.Line(service.code(), service.name(), service.stage().name(), choice,
					reason));
		}
		return new PortfolioRecommendation(mix, lines, PortfolioSnapshots.coverage(snapshot, now),
				PortfolioSnapshots.coverage(snapshot, recommended));
	}

	/** What the board reads above the lines: objectives, capacity, the solver's word, coverage, what changed. */
	static String summary(PortfolioSnapshot snapshot, PortfolioRecommendation recommendation,
			PortfolioReview previous, Long reviewId) {
		ServiceMix mix = recommendation.mix();
		List<String> lines = new ArrayList<>();
		lines.add("Portfolio review #" + reviewId + " of " + snapshot.services().size() + " services, "
				+ snapshot.year());
		lines.add("Objectives today: " + String.join(", ", snapshot.objectives()
			.stream()
			.map((objective) -> objective.name() + " (weight " + objective.weight() + ")")
			.toList()));
		CapacityView capacity = snapshot.capacity();
		if (capacity != null) {
			lines.add(String.format(Locale.ROOT,
					"Capacity %d: %s person-days, the recommended mix uses %s (%s left); budget %s, it uses %s",
					capacity.year(), ServiceMixSolver.number(capacity.capacityDays()),
					ServiceMixSolver.number(mix.usedDays()),
					ServiceMixSolver.number(capacity.capacityDays() - mix.usedDays()),
					ServiceMixSolver.number(capacity.budget()), ServiceMixSolver.number(mix.usedBudget())));
		}
		else {
			lines.add("No capacity or budget planned for " + snapshot.year() + ": the mix is not limited");
		}
		lines.add(mix.optimal() ? "Solver: proven optimal in " + mix.solveMillis() + " ms"
				: String.format(Locale.ROOT, "Solver: %s, within %.1f %% of the best possible, after %d ms",
						mix.status().toLowerCase(Locale.ROOT), mix.gap() * 100, mix.solveMillis()));
		if (!mix.bindingLimits().isEmpty()) {
			lines.add("Binding: " + String.join(" and ", mix.bindingLimits()));
		}
		List<String> coverage = new ArrayList<>();
		recommendation.coverageNow().forEach((objective, points) -> coverage
			.add(objective + " " + points + " → " + recommendation.coverageRecommended().get(objective)));
		lines.add("Coverage per objective (catalog now → with the recommendation): " + String.join("; ", coverage));
		List<String> gaps = recommendation.coverageRecommended()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == 0)
			.map(Map.Entry::getKey)
			.toList();
		if (!gaps.isEmpty()) {
			lines.add("Objectives no recommended service serves: " + String.join(", ", gaps));
		}
		Set<CustomerSegment> unserved = EnumSet.allOf(CustomerSegment.class);
		for (PortfolioSnapshot.ServiceLine service : snapshot.services()) {
			if (!PortfolioScope.PIPELINE_REQUESTS.contains(service.stage())) {
				unserved.removeAll(service.segments());
			}
		}
		lines.add(unserved.isEmpty() ? "Every customer segment has a service"
				: "Segments no service serves: " + String.join(", ", unserved.stream().map(Enum::name).toList()));
		List<String> unweighed = snapshot.services()
			.stream()
			.filter((service) -> !service.businessCase() && PortfolioScope.PIPELINE_REQUESTS.contains(service.stage()))
			.map(PortfolioSnapshot.ServiceLine::code)
			.toList();
		if (!unweighed.isEmpty()) {
			lines.add("Requests not weighed yet (no business case in numbers): " + String.join(", ", unweighed));
		}
		lines.add(changesSince(previous, snapshot));
		return String.join("\n", lines);
	}

	private static String changesSince(PortfolioReview previous, PortfolioSnapshot snapshot) {
		if (previous == null || previous.getSnapshot() == null) {
			return "The first portfolio review: nothing to compare with";
		}
		Set<String> before = new TreeSet<>(codesIn(previous.getSnapshot()));
		Set<String> now = new TreeSet<>();
		snapshot.services().forEach((service) -> now.add(service.code()));
		Set<String> added = new TreeSet<>(now);
		added.removeAll(before);
		Set<String> gone = new TreeSet<>(before);
		gone.removeAll(now);
		return "Since review #" + previous.getId() + " (" + previous.getDecidedAt() + "): new " + listOrNone(added)
				+ "; gone " + listOrNone(gone);
	}

	/** The service codes a stored snapshot lists; read as text so an older snapshot's shape does not matter. */
	private static Set<String> codesIn(String snapshotJson) {
		Set<String> codes = new TreeSet<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"code\":\"([^\"]+)\"").matcher(snapshotJson);
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	private static String listOrNone(Set<String> codes) {
		return codes.isEmpty() ? "none" : String.join(", ", codes);
	}

}
