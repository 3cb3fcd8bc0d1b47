package org.pmo.servicelifecycle.notice;

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

/** One notice to one customer's contact: kept always, with the moment it was sent by e-mail if it was. */
@Entity
@Table(name = "service_notice")
public class Notice {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_notice_seq")
	@SequenceGenerator(name = "service_notice_seq", sequenceName = "service_notice_seq", allocationSize = 1)
	private Long id;

	private Long serviceId;

	@Enumerated(EnumType.STRING)
	private NoticeKind kind;

	private Long customerId;

	private String recipient;

	private String subject;

	@Column(name = "body")
	private String text;

	private Instant createdAt;

	private Instant sentAt;

	/** The step that gave the notice (process instance and activity): a retry finds what it gave already. */
	private String origin;

	protected Notice() {
	}

	Notice(String origin, Long serviceId, NoticeKind kind, Long customerId, String recipient, String subject,
			String text, Instant createdAt) {
		this.origin = origin;
		this.serviceId = serviceId;
		this.kind = kind;
		this.customerId = customerId;
		this.recipient = recipient;
		this.subject = subject;
		this.text = text;
		this.createdAt = createdAt;
	}

	void sent(Instant at) {
		this.sentAt = at;
	}

	public Long getId() {
		return this.id;
	}

	public NoticeKind getKind() {
		return this.kind;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getText() {
		return this.text;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getSentAt() {
		return this.sentAt;
	}

}
