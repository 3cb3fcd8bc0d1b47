package org.pmo.servicelifecycle.catalog;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One line of a service's audit trail: a stage change, a decision, a review opened, … */
@Entity
@Table(name = "service_history")
public class ServiceHistoryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_history_seq")
	@SequenceGenerator(name = "service_history_seq", sequenceName = "service_history_seq", allocationSize = 1)
	private Long id;

	private Long serviceId;

	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	private HistoryKind kind;

	@Enumerated(EnumType.STRING)
	private Stage fromStage;

	@Enumerated(EnumType.STRING)
	private Stage toStage;

	private String activity;

	private String decision;

	private String actor;

	private String comment;

	protected ServiceHistoryEntry() {
	}

	ServiceHistoryEntry(PmoService service, Instant occurredAt, HistoryKind kind, HistoryDetails details) {
		this.serviceId = service.getId();
		this.occurredAt = occurredAt;
		this.kind = kind;
		this.activity = details.activity();
		this.decision = details.decision();
		this.actor = details.actor();
		this.comment = truncate(details.comment(), 2000);
	}

	ServiceHistoryEntry withStages(Stage from, Stage to) {
		this.fromStage = from;
		this.toStage = to;
		return this;
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	public Long getId() {
		return this.id;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public HistoryKind getKind() {
		return this.kind;
	}

	public Stage getFromStage() {
		return this.fromStage;
	}

	public Stage getToStage() {
		return this.toStage;
	}

	public String getActivity() {
		return this.activity;
	}

	public String getDecision() {
		return this.decision;
	}

	public String getActor() {
		return this.actor;
	}

	public String getComment() {
		return this.comment;
	}

}
