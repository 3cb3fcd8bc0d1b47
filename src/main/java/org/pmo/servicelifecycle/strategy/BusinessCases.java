package org.pmo.servicelifecycle.strategy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceNotFoundException;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.strategy.BusinessCaseView.ObjectiveScore;
import org.pmo.servicelifecycle.strategy.ServiceDependency.DependencyKind;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business cases in numbers: estimated at design (the design form) or over the API, re-estimated at a
 * transformation. Contributions name current objectives; requirements may not loop.
 */
@Service
public class BusinessCases {

	/** Services whose requirements one statement of the loop check reads. */
	private static final int LOOP_WALK_CHUNK = 500;

	/** The stages in which a business case is estimated: before the board's approval, and in a transformation. */
	static final Set<Stage> ESTIMATED_IN = java.util.EnumSet.of(Stage.PROPOSED, Stage.DESIGN, Stage.JUSTIFICATION,
			Stage.TRANSFORM);

	private final BusinessCaseRepository cases;

	private final ServiceCatalog catalog;

	private final StrategicObjectives objectives;

	private final BusinessCaseDecisions decisions;

	private final Clock clock;

	BusinessCases(BusinessCaseRepository cases, ServiceCatalog catalog, StrategicObjectives objectives,
			BusinessCaseDecisions decisions, Clock clock) {
		this.cases = cases;
		this.catalog = catalog;
		this.objectives = objectives;
		this.decisions = decisions;
		this.clock = clock;
	}

	@Transactional
	public BusinessCaseView estimate(String code, BusinessCaseTerms terms, String actor) {
		PmoService service = this.catalog.find(code);
		Map<Long, Integer> contributions = contributions(terms);
		Set<ServiceDependency> dependencies = new LinkedHashSet<>();
		dependencies.addAll(dependencies(service, terms.requiresOrNone(), DependencyKind.REQUIRES, "requires"));
		dependencies.addAll(dependencies(service, terms.complementsOrNone(), DependencyKind.COMPLEMENTS, "complements"));
		refuseLoops(service, dependencies);
		BusinessCaseRecord record = this.cases.findById(service.getId())
			.orElseGet(() -> new BusinessCaseRecord(service.getId()));
		record.apply(terms.annualCost(), terms.effortDays(), contributions, dependencies, this.clock.instant(), actor);
		return view(service, this.cases.save(record), this.objectives.current());
	}

	/**
	 * An estimate over the API: while the board has not approved the service yet, or while it is transformed (the
	 * redesign re-estimates); an approved service's numbers are what the board approved.
	 */
	@Transactional
	public BusinessCaseView estimateBeforeApproval(String code, BusinessCaseTerms terms, String actor) {
		Stage stage = this.catalog.find(code).getStage();
		if (!ESTIMATED_IN.contains(stage)) {
			throw new InvalidInputException("code", code + " is in " + stage + ": its business case is re-estimated by a "
					+ "transformation, not changed directly");
		}
		return estimate(code, terms, actor);
	}

	@Transactional(readOnly = true)
	public Optional<BusinessCaseView> find(String code) {
		PmoService service = this.catalog.find(code);
		return this.cases.findById(service.getId()).map((record) -> view(service, record, this.objectives.current()));
	}

	/** Every business case, by the service's catalog id. */
	@Transactional(readOnly = true)
	public Map<Long, BusinessCaseRecord> all() {
		Map<Long, BusinessCaseRecord> all = new HashMap<>();
		this.cases.findAll().forEach((record) -> all.put(record.getServiceId(), record));
		return all;
	}

	/** Effort and cost of the business cases of the services in these stages, summed by the database. */
	@Transactional(readOnly = true)
	BusinessCaseRepository.CommittedLoad loadIn(Collection<Stage> stages) {
		return this.cases.committedIn(Stage.stored(stages));
	}

	BusinessCaseView view(PmoService service, BusinessCaseRecord record, List<StrategicObjective> current) {
		List<ObjectiveScore> scores = current.stream()
			.map((objective) -> new ObjectiveScore(objective.getId(), objective.getName(), objective.getWeight(),
					record.getContributions().getOrDefault(objective.getId(), 0)))
			.toList();
		Map<Long, String> codes = codesOf(record.getDependencies());
		List<String> requires = new ArrayList<>();
		List<String> complements = new ArrayList<>();
		for (ServiceDependency dependency : record.getDependencies()) {
			(dependency.getKind() == DependencyKind.REQUIRES ? requires : complements)
				.add(codes.get(dependency.getOtherService()));
		}
		double value = this.decisions.strategicValue(current, record.getContributions());
		BusinessCaseDecisions.Strength strength = this.decisions.strength(current, record.getContributions(),
				record.getAnnualCost());
		return new BusinessCaseView(service.getCode(), record.getAnnualCost(), record.getEffortDays(), scores,
				requires.stream().sorted().toList(), complements.stream().sorted().toList(), value,
				valuePerCost(value, record.getAnnualCost()), strength.rating(), strength.reason(),
				record.getEstimatedAt(), record.getEstimatedBy());
	}

	/** Strategic value per 1,000 of annual cost; none for a service without cost. */
	static Double valuePerCost(double value, double annualCost) {
		return (annualCost > 0) ? Math.round(value / (annualCost / 1000) * 100) / 100.0 : null;
	}

	private Map<Long, Integer> contributions(BusinessCaseTerms terms) {
		Set<Long> current = new HashSet<>();
		this.objectives.current().forEach((objective) -> current.add(objective.getId()));
		Map<Long, Integer> contributions = new LinkedHashMap<>();
		List<BusinessCaseTerms.Contribution> given = terms.contributionsOrNone();
		for (int i = 0; i < given.size(); i++) {
			BusinessCaseTerms.Contribution contribution = given.get(i);
			if (!current.contains(contribution.objective())) {
				throw new InvalidInputException("contributions[" + i + "].objective",
						"no objective " + contribution.objective() + " is valid today");
			}
			if (contributions.put(contribution.objective(), contribution.score()) != null) {
				throw new InvalidInputException("contributions[" + i + "].objective",
						"objective " + contribution.objective() + " is scored twice");
			}
		}
		return contributions;
	}

	private Set<ServiceDependency> dependencies(PmoService service, List<String> codes, DependencyKind kind,
			String field) {
		Set<ServiceDependency> dependencies = new LinkedHashSet<>();
		for (int i = 0; i < codes.size(); i++) {
			String code = codes.get(i).strip();
			if (code.equals(service.getCode())) {
				throw new InvalidInputException(field + "[" + i + "]", "a service cannot depend on itself");
			}
			PmoService other;
			try {
				other = this.catalog.find(code);
			}
			catch (ServiceNotFoundException ex) {
				throw new InvalidInputException(field + "[" + i + "]", "no service with code '" + code + "'");
			}
			if (other.getStage().isFinal()) {
				throw new InvalidInputException(field + "[" + i + "]",
						code + " is " + other.getStage() + ": nothing can depend on it");
			}
			dependencies.add(new ServiceDependency(other.getId(), kind));
		}
		return dependencies;
	}

	/**
	 * A service may not, through what it requires, require itself. The walk reads only the requirements reachable from
	 * the new ones, a level at a time, so its cost follows the chain, not the size of the catalog.
	 */
	private void refuseLoops(PmoService service, Set<ServiceDependency> dependencies) {
		Long self = service.getId();
		Map<Long, List<Long>> pathTo = new HashMap<>();
		List<Long> frontier = new ArrayList<>();
		for (Long required : requiredBy(dependencies)) {
			if (required.equals(self)) {
				refuseLoop(List.of(self, self));
			}
			frontier.add(required);
			pathTo.put(required, List.of(self, required));
		}
		while (!frontier.isEmpty()) {
			List<Long> next = new ArrayList<>();
			// the service's own stored requirements are never read: the new ones replace them
			for (int from = 0; from < frontier.size(); from += LOOP_WALK_CHUNK) {
				List<Long> chunk = frontier.subList(from, Math.min(frontier.size(), from + LOOP_WALK_CHUNK));
				for (BusinessCaseRepository.Requirement requirement : this.cases.requirementsOf(chunk)) {
					Long required = requirement.getRequired();
					if (pathTo.containsKey(required)) {
						continue;
					}
					List<Long> path = new ArrayList<>(pathTo.get(requirement.getService()));
					path.add(required);
					if (required.equals(self)) {
						refuseLoop(path);
					}
					pathTo.put(required, path);
					next.add(required);
				}
			}
			frontier = next;
		}
	}

	private void refuseLoop(List<Long> path) {
		Map<Long, String> codes = codesOf(path);
		throw new InvalidInputException("requires",
				"would make a loop: " + String.join(" → ", path.stream().map(codes::get).toList()));
	}

	private static Set<Long> requiredBy(Set<ServiceDependency> dependencies) {
		Set<Long> required = new HashSet<>();
		dependencies.stream()
			.filter((dependency) -> dependency.getKind() == DependencyKind.REQUIRES)
			.forEach((dependency) -> required.add(dependency.getOtherService()));
		return required;
	}

	private Map<Long, String> codesOf(Set<ServiceDependency> dependencies) {
		return codesOf(dependencies.stream().map(ServiceDependency::getOtherService).toList());
	}

	private Map<Long, String> codesOf(List<Long> ids) {
		Map<Long, String> codes = new HashMap<>();
		this.catalog.byIds(new HashSet<>(ids)).forEach((service) -> codes.put(service.getId(), service.getCode()));
		return codes;
	}

}
