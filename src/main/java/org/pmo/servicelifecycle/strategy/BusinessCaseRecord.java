package org.pmo.servicelifecycle.strategy;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

/** A service's business case in numbers, as last estimated (at design, at a redesign, or over the API). */
@Entity
@Table(name = "business_case")
public class BusinessCaseRecord {

	@Id
	private Long serviceId;

	private double annualCost;

	private double effortDays;

	private Instant estimatedAt;

	private String estimatedBy;

	/** Objective id → expected contribution, 0 to 5. */
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "business_case_contribution", joinColumns = @JoinColumn(name = "service_id"))
	@MapKeyColumn(name = "objective_id")
	@Column(name = "score")
	private Map<Long, Integer> contributions = new HashMap<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "business_case_dependency", joinColumns = @JoinColumn(name = "service_id"))
	private Set<ServiceDependency> dependencies = new HashSet<>();

	protected BusinessCaseRecord() {
	}

	BusinessCaseRecord(Long serviceId) {
		this.serviceId = serviceId;
	}

	void apply(double annualCost, double effortDays, Map<Long, Integer> contributions,
			Set<ServiceDependency> dependencies, Instant now, String actor) {
		this.annualCost = annualCost;
		this.effortDays = effortDays;
		this.contributions.clear();
		this.contributions.putAll(contributions);
		this.dependencies.clear();
		this.dependencies.addAll(dependencies);
		this.estimatedAt = now;
		this.estimatedBy = actor;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public double getAnnualCost() {
		return this.annualCost;
	}

	public double getEffortDays() {
		return this.effortDays;
	}

	public Instant getEstimatedAt() {
		return this.estimatedAt;
	}

	public String getEstimatedBy() {
		return this.estimatedBy;
	}

	public Map<Long, Integer> getContributions() {
		return this.contributions;
	}

	public Set<ServiceDependency> getDependencies() {
		return this.dependencies;
	}

}
