package org.pmo.servicelifecycle.strategy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import org.springframework.stereotype.Component;

/**
 * Chooses the set of services with the greatest weighted strategic value that fits the year's capacity and budget,
 * with Google OR-Tools' CP-SAT solver: every mandated or approved service stays, a service is in only with what it
 * requires, and two complementary services in the mix together add a synergy of {@value #SYNERGY_PERCENT} % of the
 * smaller value. CP-SAT proves the optimum or, when its time is up, reports the gap to its best bound.
 */
@Component
public class ServiceMixSolver {

	static final int SYNERGY_PERCENT = 10;

	/** Values and days in tenths, money in whole units: CP-SAT works on integers. */
	private static final int SCALE = 10;

	private final StrategySettings settings;

	ServiceMixSolver(StrategySettings settings) {
		this.settings = settings;
	}

	public ServiceMix solve(List<MixCandidate> candidates, MixLimits limits) {
		loadNativeLibraries();
		long started = System.nanoTime();
		CpModel model = new CpModel();
		Map<String, BoolVar> in = new HashMap<>();
		for (MixCandidate candidate : candidates) {
			in.put(candidate.code(), model.newBoolVar(candidate.code()));
		}
		List<LinearArgument> terms = new ArrayList<>();
		List<Long> weights = new ArrayList<>();
		for (MixCandidate candidate : candidates) {
			BoolVar chosen = in.get(candidate.code());
			if (candidate.mustStay()) {
				model.addEquality(chosen, 1);
			}
			for (String prerequisite : candidate.requires()) {
				BoolVar required = in.get(prerequisite);
				if (required == null) {
					model.addEquality(chosen, 0);
				}
				else {
					model.addImplication(chosen, required);
				}
			}
			terms.add(chosen);
			weights.add(scaled(candidate.value()));
		}
		Map<String, MixCandidate> byCode = new HashMap<>();
		candidates.forEach((candidate) -> byCode.put(candidate.code(), candidate));
		for (MixCandidate candidate : candidates) {
			for (String partner : candidate.complements()) {
				MixCandidate other = byCode.get(partner);
				// each pair once, whichever side names it
				if (other == null || (other.complements().contains(candidate.code())
						&& candidate.code().compareTo(partner) > 0)) {
					continue;
				}
				BoolVar both = model.newBoolVar(candidate.code() + "+" + partner);
				model.addImplication(both, in.get(candidate.code()));
				model.addImplication(both, in.get(partner));
				terms.add(both);
				weights.add(synergy(candidate, other));
			}
		}
		if (limits.capacityDays() != null) {
			// rounded up per service, so the mix never needs more than the PMO has
			model.addLessOrEqual(sum(candidates, in, (candidate) -> (long) Math.ceil(candidate.effortDays() * SCALE - 1e-9)),
					(long) Math.floor(limits.capacityDays() * SCALE + 1e-6));
		}
		if (limits.budget() != null) {
			model.addLessOrEqual(sum(candidates, in, (candidate) -> (long) Math.ceil(candidate.annualCost() - 1e-9)),
					(long) Math.floor(limits.budget() + 1e-6));
		}
		hintGreedily(model, candidates, in, limits);
		model.maximize(LinearExpr.weightedSum(terms.toArray(LinearArgument[]::new),
				weights.stream().mapToLong(Long::longValue).toArray()));

		CpSolver solver = new CpSolver();
		solver.getParameters()
			.setMaxTimeInSeconds(this.settings.solverSecondsOrDefault())
			// measured on 1,000 services: the full portfolio of workers, time-sliced on few cores, and no presolve find
			// a near-optimal mix in a second; with presolve or two workers the first mix takes longer than that
			.setNumWorkers(8)
			.setCpModelPresolve(false)
			.setRandomSeed(1);
		CpSolverStatus status = solver.solve(model);
		long millis = (System.nanoTime() - started) / 1_000_000;
		if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
			return infeasible(candidates, limits, status, millis);
		}
		return explain(candidates, limits, in, solver, status, millis);
	}

	/**
	 * A first mix for the solver to start from: what must stay, then by value per person-day while it fits with its
	 * prerequisites. It only speeds the search; the solver still looks for the best.
	 */
	private static void hintGreedily(CpModel model, List<MixCandidate> candidates, Map<String, BoolVar> in,
			MixLimits limits) {
		double days = 0;
		double cost = 0;
		java.util.Set<String> chosen = new java.util.HashSet<>();
		for (MixCandidate candidate : candidates) {
			if (candidate.mustStay()) {
				chosen.add(candidate.code());
				days += candidate.effortDays();
				cost += candidate.annualCost();
			}
		}
		List<MixCandidate> byYield = new ArrayList<>(candidates);
		byYield.sort(java.util.Comparator.comparingDouble((MixCandidate candidate) -> -candidate.value()
				/ Math.max(1, candidate.effortDays())));
		for (MixCandidate candidate : byYield) {
			if (chosen.contains(candidate.code()) || !chosen.containsAll(candidate.requires())) {
				continue;
			}
			boolean fits = (limits.capacityDays() == null || days + candidate.effortDays() <= limits.capacityDays())
					&& (limits.budget() == null || cost + candidate.annualCost() <= limits.budget());
			if (fits) {
				chosen.add(candidate.code());
				days += candidate.effortDays();
				cost += candidate.annualCost();
			}
		}
		for (MixCandidate candidate : candidates) {
			model.addHint(in.get(candidate.code()), chosen.contains(candidate.code()) ? 1 : 0);
		}
	}

	private ServiceMix explain(List<MixCandidate> candidates, MixLimits limits, Map<String, BoolVar> in,
			CpSolver solver, CpSolverStatus status, long millis) {
		double usedDays = 0;
		double usedBudget = 0;
		double value = 0;
		for (MixCandidate candidate : candidates) {
			if (solver.booleanValue(in.get(candidate.code()))) {
				usedDays += candidate.effortDays();
				usedBudget += candidate.annualCost();
				value += candidate.value();
			}
		}
		double daysLeft = (limits.capacityDays() != null) ? limits.capacityDays() - usedDays : Double.MAX_VALUE;
		double budgetLeft = (limits.budget() != null) ? limits.budget() - usedBudget : Double.MAX_VALUE;
		boolean capacityBinds = false;
		boolean budgetBinds = false;
		List<ServiceMix.Line> lines = new ArrayList<>();
		for (MixCandidate candidate : candidates) {
			boolean chosen = solver.booleanValue(in.get(candidate.code()));
			String reason;
			if (chosen) {
				reason = chosenBecause(candidate, in, solver);
			}
			else {
				String missing = missingPrerequisite(candidate, in, solver);
				if (missing != null) {
					reason = "Left out: it requires " + missing + ", which is not in the mix";
				}
				else if (candidate.value() <= 0) {
					reason = "Left out: it serves none of the objectives valid today";
				}
				else if (candidate.effortDays() > daysLeft + 1e-9) {
					capacityBinds = true;
					reason = String.format(Locale.ROOT,
							"Left out: it needs %s person-days a year and the mix leaves %s of the %s the PMO has "
									+ "(capacity binds); its value %s is %s per person-day",
							number(candidate.effortDays()), number(Math.max(0, daysLeft)),
							number(limits.capacityDays()), number(candidate.value()),
							number(perDay(candidate)));
				}
				else if (candidate.annualCost() > budgetLeft + 1e-9) {
					budgetBinds = true;
					reason = String.format(Locale.ROOT,
							"Left out: it costs %s a year and the mix leaves %s of the budget of %s (budget binds)",
							number(candidate.annualCost()), number(Math.max(0, budgetLeft)), number(limits.budget()));
				}
				else if (limits.capacityDays() != null || limits.budget() != null) {
					reason = String.format(Locale.ROOT,
							"Left out: a mix of more value uses the capacity and budget (its value %s is %s per "
									+ "person-day)",
							number(candidate.value()), number(perDay(candidate)));
				}
				else {
					reason = "Left out: it adds too little to the mix's value";
				}
			}
			lines.add(new ServiceMix.Line(candidate.code(), candidate.name(), chosen, candidate.value(),
					candidate.effortDays(), candidate.annualCost(), reason));
		}
		List<String> binding = new ArrayList<>();
		if (capacityBinds) {
			binding.add("capacity");
		}
		if (budgetBinds) {
			binding.add("budget");
		}
		double bound = solver.bestObjectiveBound();
		double objective = solver.objectiveValue();
		double gap = (status == CpSolverStatus.OPTIMAL || bound <= 0) ? 0 : Math.max(0, (bound - objective) / bound);
		return new ServiceMix(lines, status.name(), status == CpSolverStatus.OPTIMAL, gap, round(value),
				round(usedDays), round(usedBudget), limits.capacityDays(), limits.budget(), binding, millis);
	}

	private static String chosenBecause(MixCandidate candidate, Map<String, BoolVar> in, CpSolver solver) {
		StringBuilder reason = new StringBuilder();
		if (candidate.mandated()) {
			reason.append("Kept: a mandated service");
		}
		else if (candidate.committed()) {
			reason.append("Kept: approved and under way");
		}
		else {
			reason.append("In the mix");
		}
		reason.append(String.format(Locale.ROOT, "; adds value %s for %s person-days and %s a year",
				number(candidate.value()), number(candidate.effortDays()), number(candidate.annualCost())));
		List<String> partners = candidate.complements()
			.stream()
			.filter((partner) -> in.containsKey(partner) && solver.booleanValue(in.get(partner)))
			.sorted()
			.toList();
		if (!partners.isEmpty()) {
			reason.append("; works together with ").append(String.join(", ", partners));
		}
		return reason.toString();
	}

	private static String missingPrerequisite(MixCandidate candidate, Map<String, BoolVar> in, CpSolver solver) {
		return candidate.requires()
			.stream()
			.filter((prerequisite) -> !in.containsKey(prerequisite) || !solver.booleanValue(in.get(prerequisite)))
			.sorted()
			.findFirst()
			.orElse(null);
	}

	private ServiceMix infeasible(List<MixCandidate> candidates, MixLimits limits, CpSolverStatus status,
			long millis) {
		double days = candidates.stream().filter(MixCandidate::mustStay).mapToDouble(MixCandidate::effortDays).sum();
		double cost = candidates.stream().filter(MixCandidate::mustStay).mapToDouble(MixCandidate::annualCost).sum();
		String why = String.format(Locale.ROOT,
				"No mix fits: the mandated and approved services alone need %s person-days and %s a year",
				number(days), number(cost));
		List<ServiceMix.Line> lines = candidates.stream()
			.map((candidate) -> new ServiceMix.Line(candidate.code(), candidate.name(), candidate.mustStay(),
					candidate.value(), candidate.effortDays(), candidate.annualCost(), why))
			.toList();
		return new ServiceMix(lines, status.name(), false, 1, 0, round(days), round(cost), limits.capacityDays(),
				limits.budget(), List.of("capacity", "budget"), millis);
	}

	private static LinearExpr sum(List<MixCandidate> candidates, Map<String, BoolVar> in,
			java.util.function.ToLongFunction<MixCandidate> coefficient) {
		return LinearExpr.weightedSum(candidates.stream().map((candidate) -> in.get(candidate.code()))
			.toArray(LinearArgument[]::new), candidates.stream().mapToLong(coefficient).toArray());
	}

	private static long synergy(MixCandidate one, MixCandidate other) {
		return Math.round(Math.min(one.value(), other.value()) * SCALE * SYNERGY_PERCENT / 100.0);
	}

	private static long scaled(double value) {
		return Math.round(value * SCALE);
	}

	private static double perDay(MixCandidate candidate) {
		return (candidate.effortDays() > 0) ? candidate.value() / candidate.effortDays() : candidate.value();
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	static String number(double value) {
		return (value == Math.rint(value)) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.2f", value).replaceAll("0$", "");
	}

	private static synchronized void loadNativeLibraries() {
		Loader.loadNativeLibraries();
	}

}
