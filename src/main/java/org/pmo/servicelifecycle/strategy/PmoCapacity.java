package org.pmo.servicelifecycle.strategy;

import java.time.Clock;
import java.time.Year;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
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

	private final ServiceCatalog catalog;

	private final BusinessCases businessCases;

	private final Clock clock;

	PmoCapacity(CapacityPlanRepository plans, ServiceCatalog catalog, BusinessCases businessCases, Clock clock) {
		this.plans = plans;
		this.catalog = catalog;
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
		Map<Long, BusinessCaseRecord> cases = this.businessCases.all();
		double days = 0;
		double cost = 0;
		int services = 0;
		for (PmoService service : this.catalog.inStages(COMMITTED)) {
			BusinessCaseRecord record = cases.get(service.getId());
			if (record != null) {
				days += record.getEffortDays();
				cost += record.getAnnualCost();
				services++;
			}
		}
		return new CapacityView(plan.getYear(), plan.getCapacityDays(), plan.getBudget(), days, cost,
				plan.getCapacityDays() - days, plan.getBudget() - cost, services, plan.getUpdatedAt(),
				plan.getUpdatedBy());
	}

	private static void checkYear(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new InvalidInputException("year", "must be between " + FIRST_YEAR + " and " + LAST_YEAR);
		}
	}

}
