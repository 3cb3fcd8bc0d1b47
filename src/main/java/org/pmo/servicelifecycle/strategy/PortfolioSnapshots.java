package org.pmo.servicelifecycle.strategy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.review.ReviewFigures;
import org.pmo.servicelifecycle.strategy.ServiceDependency.DependencyKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Takes the portfolio's snapshot for a review, and the coverage of the objectives by a set of services. */
@Component
public class PortfolioSnapshots {

	private final ServiceCatalog catalog;

	private final StrategicObjectives objectives;

	private final BusinessCases businessCases;

	private final BusinessCaseDecisions decisions;

	private final PmoCapacity capacity;

	private final ReviewFigures figures;

	private final Clock clock;

	PortfolioSnapshots(ServiceCatalog catalog, StrategicObjectives objectives, BusinessCases businessCases,
			BusinessCaseDecisions decisions, PmoCapacity capacity, ReviewFigures figures, Clock clock) {
		this.catalog = catalog;
		this.objectives = objectives;
		this.businessCases = businessCases;
		this.decisions = decisions;
		this.capacity = capacity;
		this.figures = figures;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PortfolioSnapshot take() {
		List<StrategicObjective> current = this.objectives.current();
		Map<Long, BusinessCaseRecord> cases = this.businessCases.all();
		List<PmoService> services = this.catalog.inStages(PortfolioScope.ALL);
		Map<Long, String> codes = new HashMap<>();
		services.forEach((service) -> codes.put(service.getId(), service.getCode()));
		Set<Long> unknown = new HashSet<>();
		cases.values().forEach((record) -> record.getDependencies().forEach((dependency) -> {
			if (!codes.containsKey(dependency.getOtherService())) {
				unknown.add(dependency.getOtherService());
			}
		}));
		this.catalog.byIds(unknown).forEach((service) -> codes.put(service.getId(), service.getCode()));
		List<PortfolioSnapshot.ServiceLine> lines = new ArrayList<>();
		for (PmoService service : services) {
			BusinessCaseRecord record = cases.get(service.getId());
			Map<Long, Integer> contributions = (record != null) ? new HashMap<>(record.getContributions()) : Map.of();
			List<String> requires = new ArrayList<>();
			List<String> complements = new ArrayList<>();
			if (record != null) {
				for (ServiceDependency dependency : record.getDependencies()) {
					(dependency.getKind() == DependencyKind.REQUIRES ? requires : complements)
						.add(codes.get(dependency.getOtherService()));
				}
			}
			ReviewFigures.ServiceFigures health = this.figures.figuresOf(service.getCode());
			lines.add(new PortfolioSnapshot.ServiceLine(service.getCode(), service.getName(), service.getStage(),
					service.getOfferingLevel(), service.getCustomerSegments(), record != null,
					(record != null) ? this.decisions.strategicValue(current, contributions) : 0, contributions,
					(record != null) ? record.getEffortDays() : 0, (record != null) ? record.getAnnualCost() : 0,
					health.slaHealth(), health.utilisation(), requires.stream().sorted().toList(),
					complements.stream().sorted().toList()));
		}
		int year = this.capacity.thisYear();
		return new PortfolioSnapshot(this.clock.instant(), year,
				current.stream()
					.map((objective) -> new PortfolioSnapshot.ObjectiveLine(objective.getId(), objective.getName(),
							objective.getWeight()))
					.toList(),
				lines, this.capacity.find(year).orElse(null));
	}

	/**
	 * What a set of services gives each objective: the sum of their contributions (0 to 5 each), by objective name in
	 * the snapshot's order.
	 */
	public static Map<String, Integer> coverage(PortfolioSnapshot snapshot, Set<String> codes) {
		Map<String, Integer> coverage = new java.util.LinkedHashMap<>();
		for (PortfolioSnapshot.ObjectiveLine objective : snapshot.objectives()) {
			int points = 0;
			for (PortfolioSnapshot.ServiceLine service : snapshot.services()) {
				if (codes.contains(service.code())) {
					points += service.contributions().getOrDefault(objective.id(), 0);
				}
			}
			coverage.put(objective.name(), points);
		}
		return coverage;
	}

}
