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

import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.OfferingLevel;

/**
 * What one version of a service offers one customer segment: MANDATED (every customer of the segment receives it) or
 * ADDITIONAL (a customer subscribes), with an optional limit of subscribers. Its performance agreements are those of
 * the same version and segment, and those the version holds for every segment.
 */
@Entity
@Table(name = "service_offering")
public class Offering {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_offering_seq")
	@SequenceGenerator(name = "service_offering_seq", sequenceName = "service_offering_seq", allocationSize = 1)
	private Long id;

	private Long serviceId;

	private int serviceVersion;

	@Enumerated(EnumType.STRING)
	private CustomerSegment segment;

	@Enumerated(EnumType.STRING)
	@Column(name = "offering_level")
	private OfferingLevel level;

	/** Null: any number of subscribers. */
	private Integer capacity;

	private String description;

	private Instant createdAt;

	protected Offering() {
	}

	Offering(Long serviceId, int serviceVersion, CustomerSegment segment, OfferingLevel level, Integer capacity,
			String description, Instant createdAt) {
		this.serviceId = serviceId;
		this.serviceVersion = serviceVersion;
		this.segment = segment;
		this.level = level;
		this.capacity = capacity;
		this.description = description;
		this.createdAt = createdAt;
	}

	void offerAt(OfferingLevel newLevel) {
		this.level = newLevel;
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

	public OfferingLevel getLevel() {
		return this.level;
	}

	public Integer getCapacity() {
		return this.capacity;
	}

	public String getDescription() {
		return this.description;
	}

}
