package org.pmo.servicelifecycle.agreement;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An agreement missed in a period. Kept once per agreement and period (a unique key guards it), so a breach asks for
 * at most one unscheduled review however many low measurements follow.
 */
@Entity
@Table(name = "sla_breach")
public class SlaBreach {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_breach_seq")
	@SequenceGenerator(name = "sla_breach_seq", sequenceName = "sla_breach_seq", allocationSize = 1)
	private Long id;

	private Long agreementId;

	private LocalDate periodStart;

	private double measuredValue;

	private boolean reviewRequested;

	private Instant detectedAt;

	protected SlaBreach() {
	}

	SlaBreach(PerformanceAgreement agreement, LocalDate periodStart, double value, boolean reviewRequested,
			Instant detectedAt) {
		this.agreementId = agreement.getId();
		this.periodStart = periodStart;
		this.measuredValue = value;
		this.reviewRequested = reviewRequested;
		this.detectedAt = detectedAt;
	}

	public Long getAgreementId() {
		return this.agreementId;
	}

	public LocalDate getPeriodStart() {
		return this.periodStart;
	}

	public double getMeasuredValue() {
		return this.measuredValue;
	}

	public boolean isReviewRequested() {
		return this.reviewRequested;
	}

	public Instant getDetectedAt() {
		return this.detectedAt;
	}

	/** The breach again once the service is live: this time it asks for the review. */
	void breachedWhileLive(double value, Instant detectedAt) {
		this.measuredValue = value;
		this.reviewRequested = true;
		this.detectedAt = detectedAt;
	}

}
