package org.pmo.servicelifecycle.agreement;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One measured value of an agreement's metric in one period. */
@Entity
@Table(name = "sla_measurement")
public class Measurement {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_measurement_seq")
	@SequenceGenerator(name = "sla_measurement_seq", sequenceName = "sla_measurement_seq", allocationSize = 50)
	private Long id;

	private Long agreementId;

	private LocalDate periodStart;

	private double measuredValue;

	private Instant recordedAt;

	private String recordedBy;

	/** The customer the value was taken for; null: the offering as a whole. */
	private Long customerId;

	protected Measurement() {
	}

	Measurement(PerformanceAgreement agreement, LocalDate periodStart, double value, Instant recordedAt,
			String recordedBy, Long customerId) {
		this.customerId = customerId;
		this.agreementId = agreement.getId();
		this.periodStart = periodStart;
		this.measuredValue = value;
		this.recordedAt = recordedAt;
		this.recordedBy = recordedBy;
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

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public String getRecordedBy() {
		return this.recordedBy;
	}

}
