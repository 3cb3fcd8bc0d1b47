package org.pmo.servicelifecycle.strategy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.pmo.servicelifecycle.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's strategic objectives; every change is kept as a revision. */
@Service
public class StrategicObjectives {

	private final StrategicObjectiveRepository objectives;

	private final ObjectiveChangeRepository changes;

	private final Clock clock;

	StrategicObjectives(StrategicObjectiveRepository objectives, ObjectiveChangeRepository changes, Clock clock) {
		this.objectives = objectives;
		this.changes = changes;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<StrategicObjective> all() {
		return this.objectives.findAllByOrderById();
	}

	/** The objectives that count today. */
	@Transactional(readOnly = true)
	public List<StrategicObjective> current() {
		LocalDate today = LocalDate.now(this.clock);
		return all().stream().filter((objective) -> objective.isValidOn(today)).toList();
	}

	@Transactional(readOnly = true)
	public StrategicObjective find(Long id) {
		return this.objectives.findById(id).orElseThrow(() -> new StrategyItemNotFoundException("objective " + id));
	}

	@Transactional
	public StrategicObjective create(ObjectiveTerms terms, String actor) {
		check(terms);
		if (this.objectives.existsByNameKey(StrategicObjective.keyOf(terms.name()))) {
			throw new InvalidInputException("name", "an objective named '" + terms.name().strip() + "' exists");
		}
		StrategicObjective objective = this.objectives.save(new StrategicObjective(terms));
		this.changes.save(new ObjectiveChange(objective, this.clock.instant(), actor));
		return objective;
	}

	@Transactional
	public StrategicObjective update(Long id, ObjectiveTerms terms, String actor) {
		StrategicObjective objective = find(id);
		check(terms);
		if (this.objectives.existsByNameKeyAndIdNot(StrategicObjective.keyOf(terms.name()), id)) {
			throw new InvalidInputException("name", "an objective named '" + terms.name().strip() + "' exists");
		}
		objective.apply(terms);
		this.changes.save(new ObjectiveChange(objective, this.clock.instant(), actor));
		return objective;
	}

	@Transactional(readOnly = true)
	public List<ObjectiveChange> history(Long id) {
		find(id);
		return this.changes.findByObjectiveIdOrderByRevision(id);
	}

	private static void check(ObjectiveTerms terms) {
		if (terms.name().strip().isEmpty()) {
			throw new InvalidInputException("name", "must not be blank");
		}
		if (terms.description().strip().isEmpty()) {
			throw new InvalidInputException("description", "must not be blank");
		}
		if (terms.validFrom().getYear() < PmoCapacity.FIRST_YEAR || terms.validFrom().getYear() > PmoCapacity.LAST_YEAR) {
			throw new InvalidInputException("validFrom", "must lie between " + PmoCapacity.FIRST_YEAR + " and " + PmoCapacity.LAST_YEAR);
		}
		if (terms.validTo() != null && (terms.validTo().getYear() > PmoCapacity.LAST_YEAR)) {
			throw new InvalidInputException("validTo", "must lie before " + (PmoCapacity.LAST_YEAR + 1));
		}
		if (terms.validTo() != null && terms.validTo().isBefore(terms.validFrom())) {
			throw new InvalidInputException("validTo", "must not be before validFrom " + terms.validFrom());
		}
	}

}
