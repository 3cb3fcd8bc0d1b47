package org.pmo.servicelifecycle.strategy;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One revision of an objective as it was written, by whom and when. */
@Entity
@Table(name = "strategic_objective_change")
public class ObjectiveChange {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "strategic_objective_change_seq")
	@SequenceGenerator(name = "strategic_objective_change_seq", sequenceName = "strategic_objective_change_seq",
			allocationSize = 1)
	private Long id;

	private Long objectiveId;

	private int revision;

	private String name;

	private String description;

	private int weight;

	private LocalDate validFrom;

	private LocalDate validTo;

	private Instant changedAt;

	private String changedBy;

	protected ObjectiveChange() {
	}

	ObjectiveChange(StrategicObjective objective, Instant changedAt, String changedBy) {
		this.objectiveId = objective.getId();
		this.revision = objective.getRevision();
		this.name = objective.getName();
		this.description = objective.getDescription();
		this.weight = objective.getWeight();
		this.validFrom = objective.getValidFrom();
		this.validTo = objective.getValidTo();
		this.changedAt = changedAt;
		this.changedBy = changedBy;
	}

	public Long getObjectiveId() {
		return this.objectiveId;
	}

	public int getRevision() {
		return this.revision;
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

	public Instant getChangedAt() {
		return this.changedAt;
	}

	public String getChangedBy() {
		return this.changedBy;
	}

}
