package org.pmo.servicelifecycle.customer;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.pmo.servicelifecycle.catalog.CustomerSegment;

/** A customer organisation of the PMO: its segment, its contact, and the people of service-customers in it. */
@Entity
@Table(name = "customer")
public class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
	@SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 1)
	private Long id;

	private String name;

	/** The name as the unique key compares it: whatever its letters' case. */
	private String nameKey;

	@Enumerated(EnumType.STRING)
	private CustomerSegment segment;

	private String contactEmail;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "customer_member", joinColumns = @JoinColumn(name = "customer_id"))
	@Column(name = "user_id")
	private Set<String> members = new TreeSet<>();

	private Instant createdAt;

	private String createdBy;

	@Version
	private Long rowVersion;

	protected Customer() {
	}

	Customer(CustomerTerms terms, Instant now, String createdBy) {
		this.name = terms.name().strip();
		this.nameKey = keyOf(this.name);
		this.segment = terms.segment();
		this.contactEmail = terms.contactEmail().strip();
		this.members.addAll(terms.membersOrNone());
		this.createdAt = now;
		this.createdBy = createdBy;
	}

	static String keyOf(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public CustomerSegment getSegment() {
		return this.segment;
	}

	public String getContactEmail() {
		return this.contactEmail;
	}

	public Set<String> getMembers() {
		return this.members;
	}

}
