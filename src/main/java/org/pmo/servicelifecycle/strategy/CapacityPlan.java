package org.pmo.servicelifecycle.strategy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the PMO can give in a year: capacity in person-days and budget. */
@Entity
@Table(name = "pmo_capacity")
public class CapacityPlan {

	@Id
	@Column(name = "plan_year")
	private Integer year;

	private double capacityDays;

	private double budget;

	private Instant updatedAt;

	private String updatedBy;

	protected CapacityPlan() {
	}

	CapacityPlan(int year) {
		this.year = year;
	}

	void apply(CapacityTerms terms, Instant now, String actor) {
		this.capacityDays = terms.capacityDays();
		this.budget = terms.budget();
		this.updatedAt = now;
		this.updatedBy = actor;
	}

	public int getYear() {
		return this.year;
	}

	public double getCapacityDays() {
		return this.capacityDays;
	}

	public double getBudget() {
		return this.budget;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public String getUpdatedBy() {
		return this.updatedBy;
	}

}
