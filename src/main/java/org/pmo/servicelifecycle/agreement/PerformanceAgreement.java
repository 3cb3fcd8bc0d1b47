package org.pmo.servicelifecycle.agreement;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.pmo.servicelifecycle.catalog.CustomerSegment;

/**
 * A performance agreement (SLA) of one version of a service, for one customer segment or for all of them: a metric,
 * its unit, the target and whether values must reach it or stay below it, and how often it is measured.
 */
@Entity
@Table(name = "performance_agreement")
public class PerformanceAgreement {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "performance_agreement_seq")
	@SequenceGenerator(name = "performance_agreement_seq", sequenceName = "performance_agreement_seq",
			allocationSize = 1)
	private Long id;

	private Long serviceId;

	private int serviceVersion;

	/** Null: the agreement holds for every segment of the service. */
	@Enumerated(EnumType.STRING)
	private CustomerSegment segment;

	private String metric;

	@Enumerated(EnumType.STRING)
	private MetricUnit unit;

	@Enumerated(EnumType.STRING)
	private Direction direction;

	private double target;

	@Enumerated(EnumType.STRING)
	@Column(name = "measurement_period")
	private MeasurementPeriod period;

	private String description;

	/** Null: no warning before the target is missed but a falling trend. */
	private Double riskMargin;

	private boolean active;

	private Instant updatedAt;

	@Version
	private Long rowVersion;

	protected PerformanceAgreement() {
	}

	PerformanceAgreement(Long serviceId, int serviceVersion, AgreementTerms terms, Instant now) {
		this.serviceId = serviceId;
		this.serviceVersion = serviceVersion;
		this.segment = terms.segment();
		this.metric = terms.metric();
		apply(terms, now);
	}

	void apply(AgreementTerms terms, Instant now) {
		this.unit = terms.unit();
		this.direction = terms.direction();
		this.target = terms.target();
		this.period = terms.periodOrDefault();
		this.description = terms.description();
		this.riskMargin = terms.riskMargin();
		this.active = true;
		this.updatedAt = now;
	}

	void withdraw(Instant now) {
		this.active = false;
		this.updatedAt = now;
	}

	boolean covers(String metric, CustomerSegment segment) {
		return this.metric.equals(metric) && this.segment == segment;
	}

	public Long getId() {
		return this.id;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public int getServiceVersion() {
		return this.serviceVersion;
	}

	public CustomerSegment getSegment() {
		return this.segment;
	}

	public String getMetric() {
		return this.metric;
	}

	public MetricUnit getUnit() {
		return this.unit;
	}

	public Direction getDirection() {
		return this.direction;
	}

	public double getTarget() {
		return this.target;
	}

	public MeasurementPeriod getPeriod() {
		return this.period;
	}

	public String getDescription() {
		return this.description;
	}

	public Double getRiskMargin() {
		return this.riskMargin;
	}

	/** The terms this agreement was made on, for another version or segment. */
	AgreementTerms terms() {
		return new AgreementTerms(this.segment, this.metric, this.unit, this.direction, this.target, this.period,
				this.description, this.riskMargin);
	}

	public boolean isActive() {
		return this.active;
	}

}
