package org.pmo.servicelifecycle.customer;

import java.time.Instant;

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
 * A customer's subscription to a service's ADDITIONAL offering for the customer's segment. It names the service and
 * segment, not one version's offering row, so it carries on through new versions that keep the offering.
 */
@Entity
@Table(name = "subscription")
public class Subscription {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subscription_seq")
	@SequenceGenerator(name = "subscription_seq", sequenceName = "subscription_seq", allocationSize = 1)
	private Long id;

	private Long customerId;

	private Long serviceId;

	@Enumerated(EnumType.STRING)
	private CustomerSegment segment;

	@Enumerated(EnumType.STRING)
	private SubscriptionStatus status;

	/** 1 while open, null once closed: the unique key admits one open subscription per customer and offering. */
	private Integer openMarker;

	private String requestedBy;

	private Instant requestedAt;

	private String decidedBy;

	private Instant decidedAt;

	private String endedBy;

	private Instant endedAt;

	private String comment;

	private String processInstanceId;

	@Version
	private Long rowVersion;

	protected Subscription() {
	}

	Subscription(Customer customer, Long serviceId, String requestedBy, Instant now) {
		this.customerId = customer.getId();
		this.serviceId = serviceId;
		this.segment = customer.getSegment();
		this.requestedBy = requestedBy;
		this.requestedAt = now;
		moveTo(SubscriptionStatus.PENDING);
	}

	void activate(String by, String comment, Instant now) {
		this.decidedBy = by;
		this.decidedAt = now;
		this.comment = comment;
		moveTo(SubscriptionStatus.ACTIVE);
	}

	void decline(String by, String comment, Instant now) {
		this.decidedBy = by;
		this.decidedAt = now;
		this.comment = comment;
		moveTo(SubscriptionStatus.DECLINED);
	}

	void end(String by, Instant now) {
		this.endedBy = by;
		this.endedAt = now;
		moveTo(SubscriptionStatus.ENDED);
	}

	void linkProcess(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	private void moveTo(SubscriptionStatus next) {
		this.status = next;
		this.openMarker = next.isOpen() ? 1 : null;
	}

	public Long getId() {
		return this.id;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public Long getServiceId() {
		return this.serviceId;
	}

	public CustomerSegment getSegment() {
		return this.segment;
	}

	public SubscriptionStatus getStatus() {
		return this.status;
	}

	public String getRequestedBy() {
		return this.requestedBy;
	}

	public Instant getRequestedAt() {
		return this.requestedAt;
	}

	public String getDecidedBy() {
		return this.decidedBy;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public Instant getEndedAt() {
		return this.endedAt;
	}

	public String getComment() {
		return this.comment;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

}
