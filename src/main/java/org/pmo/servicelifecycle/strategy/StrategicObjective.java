package org.pmo.servicelifecycle.strategy;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An objective of the organisation the PMO's services serve, weighted against the others; it counts in the business
 * cases and the portfolio reviews on the days it is valid.
 */
@Entity
@Table(name = "strategic_objective")
public class StrategicObjective {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "strategic_objective_seq")
	@SequenceGenerator(name = "strategic_objective_seq", sequenceName = "strategic_objective_seq", allocationSize = 1)
	private Long id;

	private String name;

	private String nameKey;

	private String description;

	private int weight;

	private LocalDate validFrom;

	private LocalDate validTo;

	private int revision;

	@Version
	private Long rowVersion;

	protected StrategicObjective() {
	}

	StrategicObjective(ObjectiveTerms terms) {
		apply(terms);
	}

	void apply(ObjectiveTerms terms) {
		this.name = terms.name().strip();
		this.nameKey = keyOf(this.name);
		this.description = terms.description().strip();
		this.weight = terms.weight();
		this.validFrom = terms.validFrom();
		this.validTo = terms.validTo();
		this.revision++;
	}

	static String keyOf(String name) {
		return name.strip().toLowerCase(java.util.Locale.ROOT);
	}

	public boolean isValidOn(LocalDate day) {
		return !day.isBefore(this.validFrom) && (this.validTo == null || !day.isAfter(this.validTo));
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getDescription() {
		return this.description;
	}

	public int getWeight() {
		return this.weight;
	}

	public LocalDate getValidFrom() {
		return this.validFrom;
	}

	public LocalDate getValidTo() {
		return this.validTo;
	}

	public int getRevision() {
		return this.revision;
	}

}
