package org.pmo.servicelifecycle.strategy;

import java.time.Clock;
import java.time.Year;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PMO's capacity and budget per year, and what the services commit of them: every service whose business case
 * the board approved and that is not leaving (pilot, implementation, operation, transformation). A service being
 * retired frees its share, as the portfolio review counts it.
 */
@Service
public class PmoCapacity {

	/** Approved and staying: these services hold their share of capacity and budget. */
	public static final Set<Stage> COMMITTED = EnumSet.of(Stage.PILOT, Stage.IMPLEMENTATION, Stage.OPERATION,
			Stage.TRANSFORM);

	/** The years the strategy plans for: capacity, and the objectives' dates. */
	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2100;

	private final CapacityPlanRepository plans;

	private final BusinessCases businessCases;

	private final Clock clock;

	PmoCapacity(CapacityPlanRepository plans, BusinessCases businessCases, Clock clock) {
		this.plans = plans;
		this.businessCases = businessCases;
		this.clock = clock;
	}

	public int thisYear() {
		return Year.now(this.clock).getValue();
	}

	@Transactional(readOnly = true)
	public CapacityView get(int year) {
		return find(year).orElseThrow(() -> new StrategyItemNotFoundException("capacity planned for " + year));
	}

	@Transactional(readOnly = true)
	public Optional<CapacityView> find(int year) {
		checkYear(year);
		return this.plans.findById(year).map(this::view);
	}

	@Transactional
	public CapacityView plan(int year, CapacityTerms terms, String actor) {
		checkYear(year);
		CapacityPlan plan = this.plans.findById(year).orElseGet(() -> new CapacityPlan(year));
		plan.apply(terms, this.clock.instant(), actor);
		return view(this.plans.save(plan));
	}

	private CapacityView view(CapacityPlan plan) {
		// summed by the database: reading every business case would grow with the catalog on every estimate
		BusinessCaseRepository.CommittedLoad load = this.businessCases.loadIn(COMMITTED);
		return new CapacityView(plan.getYear(), plan.getCapacityDays(), plan.getBudget(), load.getEffortDays(),
				load.getAnnualCost(), plan.getCapacityDays() - load.getEffortDays(), plan.getBudget() - load.getAnnualCost(),
				(int) load.getServices(), plan.getUpdatedAt(), plan.getUpdatedBy());
	}

	private static void checkYear(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new InvalidInputException("year", "must be between " + FIRST_YEAR + " and " + LAST_YEAR);
		}
	}

}
