package org.pmo.servicelifecycle.strategy;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One portfolio review: what it saw (snapshot), what the solver advised, and what the board decided. JSON kept as text. */
@Entity
@Table(name = "portfolio_review")
public class PortfolioReview {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portfolio_review_seq")
	@SequenceGenerator(name = "portfolio_review_seq", sequenceName = "portfolio_review_seq", allocationSize = 1)
	private Long id;

	private String processInstanceId;

	private String startedBy;

	private String reason;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant startedAt;

	private Instant decidedAt;

	private String decidedBy;

	private String snapshot;

	private String recommendation;

	private String decisions;

	protected PortfolioReview() {
	}

	PortfolioReview(String processInstanceId, String startedBy, String reason, Instant startedAt) {
		this.processInstanceId = processInstanceId;
		this.startedBy = startedBy;
		this.reason = reason;
		this.startedAt = startedAt;
		this.status = Status.PREPARED;
	}

	void recordSnapshot(String snapshotJson) {
		this.snapshot = snapshotJson;
	}

	void recordRecommendation(String recommendationJson) {
		this.recommendation = recommendationJson;
		this.status = Status.WITH_THE_BOARD;
	}

	void recordDecisions(String decisionsJson, String by, Instant at) {
		this.decisions = decisionsJson;
		this.decidedBy = by;
		this.decidedAt = at;
		this.status = Status.DECIDED;
	}

	public Long getId() {
		return this.id;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public String getStartedBy() {
		return this.startedBy;
	}

	public String getReason() {
		return this.reason;
	}

	public Status getStatus() {
		return this.status;
	}

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public String getDecidedBy() {
		return this.decidedBy;
	}

	public String getSnapshot() {
		return this.snapshot;
	}

	public String getRecommendation() {
		return this.recommendation;
	}

	public String getDecisions() {
		return this.decisions;
	}

	public enum Status {

		PREPARED, WITH_THE_BOARD, DECIDED

	}

}
