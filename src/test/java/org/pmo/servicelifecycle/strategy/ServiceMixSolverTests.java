package org.pmo.servicelifecycle.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service mix solver against the truth: small portfolios whose best mix is found by trying every subset, with
 * mandated services, prerequisites, complementary pairs and both limits.
 */
class ServiceMixSolverTests {

	private final ServiceMixSolver solver = new ServiceMixSolver(new StrategySettings(null, 10.0));

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })
	void findsTheOptimumThatEnumerationFinds(long seed) {
		Random random = new Random(seed);
		List<MixCandidate> candidates = randomPortfolio(random, 9 + random.nextInt(4));
		double mustDays = candidates.stream().filter(MixCandidate::mustStay).mapToDouble(MixCandidate::effortDays).sum();
		double mustCost = candidates.stream().filter(MixCandidate::mustStay).mapToDouble(MixCandidate::annualCost).sum();
		MixLimits limits = new MixLimits(mustDays + 60 + random.nextInt(120), mustCost + 40_000 + random.nextInt(60_000));

		ServiceMix mix = this.solver.solve(candidates, limits);
		Best best = enumerate(candidates, limits);

		assertThat(mix.optimal()).isTrue();
		assertThat(mix.gap()).isZero();
		assertThat(objectiveOf(candidates, chosen(mix))).isCloseTo(best.objective(), Offset.offset(0.05));
		assertThat(fits(candidates, chosen(mix), limits)).isTrue();
		assertThat(mix.usedDays()).isLessThanOrEqualTo(limits.capacityDays());
	}

	@Test
	void keepsMandatedServicesAndLeavesOutWhatDoesNotFitSayingWhy() {
		List<MixCandidate> candidates = List.of(candidate("MAND", 20, 100, 1000, true, Set.of(), Set.of()),
				candidate("HIGH", 80, 60, 1000, false, Set.of(), Set.of()),
				candidate("LOW", 10, 50, 1000, false, Set.of(), Set.of()));

		ServiceMix mix = this.solver.solve(candidates, new MixLimits(200.0, null));

		assertThat(chosen(mix)).containsExactlyInAnyOrder("MAND", "HIGH");
		assertThat(line(mix, "MAND").reason()).startsWith("Kept: a mandated service");
		assertThat(line(mix, "LOW").reason()).contains("needs 50 person-days", "leaves 40 of the 200", "capacity binds");
		assertThat(mix.bindingLimits()).containsExactly("capacity");
	}

	@Test
	void takesAServiceOnlyWithWhatItRequires() {
		List<MixCandidate> candidates = List.of(candidate("BASE", 5, 50, 1000, false, Set.of(), Set.of()),
				candidate("TOP", 90, 50, 1000, false, Set.of("BASE"), Set.of()),
				candidate("ORPHAN", 90, 10, 1000, false, Set.of("GONE"), Set.of()));

		ServiceMix tight = this.solver.solve(candidates, new MixLimits(40.0, null));
		ServiceMix roomy = this.solver.solve(candidates, new MixLimits(120.0, null));

		assertThat(chosen(tight)).doesNotContain("BASE", "TOP", "ORPHAN");
		assertThat(line(tight, "TOP").reason()).contains("requires BASE");
		assertThat(line(tight, "ORPHAN").reason()).contains("requires GONE");
		assertThat(chosen(roomy)).containsExactlyInAnyOrder("BASE", "TOP");
	}

	@Test
	void countsTheSynergyOfComplementaryServices() {
		// alone A (30) beats B (28); together with its partner C (10), B's pair is worth more
		List<MixCandidate> candidates = List.of(candidate("A", 30, 50, 0, false, Set.of(), Set.of()),
				candidate("B", 28, 40, 0, false, Set.of(), Set.of("C")),
				candidate("C", 10, 10, 0, false, Set.of(), Set.of("B")));

		ServiceMix mix = this.solver.solve(candidates, new MixLimits(50.0, null));

		// B + C = 38 + 10 % of 10 = 39 > A = 30
		assertThat(chosen(mix)).containsExactlyInAnyOrder("B", "C");
		assertThat(line(mix, "B").reason()).contains("works together with C");
	}

	@Test
	void saysSoWhenTheMandatedServicesAloneDoNotFit() {
		List<MixCandidate> candidates = List.of(candidate("M1", 10, 80, 0, true, Set.of(), Set.of()),
				candidate("M2", 10, 80, 0, true, Set.of(), Set.of()));

		ServiceMix mix = this.solver.solve(candidates, new MixLimits(100.0, null));

		assertThat(mix.feasible()).isFalse();
		assertThat(mix.lines()).allSatisfy((line) -> assertThat(line.reason()).contains("need 160 person-days"));
	}

	@Test
	void solvesALargePortfolioProvingTheOptimumOrGivingTheGap() {
		Random random = new Random(42);
		List<MixCandidate> candidates = randomPortfolio(random, 300);
		ServiceMix mix = this.solver.solve(candidates, new MixLimits(6_000.0, 4_000_000.0));

		assertThat(mix.feasible()).isTrue();
		assertThat(mix.gap()).isBetween(0.0, 0.05);
		assertThat(mix.usedDays()).isLessThanOrEqualTo(6_000.0);
		assertThat(mix.usedBudget()).isLessThanOrEqualTo(4_000_000.0);
	}

	static List<MixCandidate> randomPortfolio(Random random, int size) {
		List<MixCandidate> candidates = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			Set<String> requires = new HashSet<>();
			Set<String> complements = new HashSet<>();
			boolean mandated = random.nextInt(8) == 0;
			// a mandated service needs nothing, so every portfolio has a mix
			if (i > 0 && !mandated && random.nextInt(5) == 0) {
				requires.add("S" + random.nextInt(i));
			}
			if (i > 0 && random.nextInt(4) == 0) {
				complements.add("S" + random.nextInt(i));
			}
			candidates.add(candidate("S" + i, Math.round(random.nextDouble() * 1000) / 10.0, 5 + random.nextInt(60),
					1000 * (1 + random.nextInt(40)), mandated, requires, complements));
		}
		return candidates;
	}

	private static MixCandidate candidate(String code, double value, double days, double cost, boolean mandated,
			Set<String> requires, Set<String> complements) {
		return new MixCandidate(code, "Service " + code, value, days, cost, mandated, false, requires, complements);
	}

	private static Set<String> chosen(ServiceMix mix) {
		Set<String> chosen = new HashSet<>();
		mix.lines().stream().filter(ServiceMix.Line::chosen).forEach((line) -> chosen.add(line.code()));
		return chosen;
	}

	private static ServiceMix.Line line(ServiceMix mix, String code) {
		return mix.lines().stream().filter((line) -> line.code().equals(code)).findFirst().orElseThrow();
	}

	/** The best subset, by trying each one. */
	private static Best enumerate(List<MixCandidate> candidates, MixLimits limits) {
		double best = Double.NEGATIVE_INFINITY;
		for (int mask = 0; mask < (1 << candidates.size()); mask++) {
			Set<String> chosen = new HashSet<>();
			for (int i = 0; i < candidates.size(); i++) {
				if ((mask & (1 << i)) != 0) {
					chosen.add(candidates.get(i).code());
				}
			}
			if (fits(candidates, chosen, limits)) {
				best = Math.max(best, objectiveOf(candidates, chosen));
			}
		}
		return new Best(best);
	}

	private static boolean fits(List<MixCandidate> candidates, Set<String> chosen, MixLimits limits) {
		double days = 0;
		double cost = 0;
		for (MixCandidate candidate : candidates) {
			boolean in = chosen.contains(candidate.code());
			if (candidate.mustStay() && !in) {
				return false;
			}
			if (in && !chosen.containsAll(candidate.requires())) {
				return false;
			}
			if (in) {
				days += candidate.effortDays();
				cost += candidate.annualCost();
			}
		}
		return (limits.capacityDays() == null || days <= limits.capacityDays() + 1e-9)
				&& (limits.budget() == null || cost <= limits.budget() + 1e-9);
	}

	/** Value plus synergy, as the solver counts it (each pair once, 10 % of the smaller value). */
	private static double objectiveOf(List<MixCandidate> candidates, Set<String> chosen) {
		double total = 0;
		Set<String> pairs = new HashSet<>();
		for (MixCandidate candidate : candidates) {
			if (!chosen.contains(candidate.code())) {
				continue;
			}
			total += candidate.value();
			for (String partner : candidate.complements()) {
				MixCandidate other = candidates.stream().filter((c) -> c.code().equals(partner)).findFirst().orElse(null);
				String pair = (candidate.code().compareTo(partner) < 0) ? candidate.code() + "+" + partner
						: partner + "+" + candidate.code();
				if (other != null && chosen.contains(partner) && pairs.add(pair)) {
					total += Math.round(Math.min(candidate.value(), other.value()) * 10 * 10 / 100.0) / 10.0;
				}
			}
		}
		return total;
	}

	private record Best(double objective) {
	}

}
