package org.pmo.servicelifecycle.catalog;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A service in the PMO's catalog, from the first request to its retirement. */
@Entity
@Table(name = "pmo_service")
public class PmoService {

	private static final String CODE_PREFIX = "SVC-";

	private static final Pattern CODE = Pattern.compile(Pattern.quote(CODE_PREFIX) + "\\d{1,18}");

	public static final String DEFAULT_REVIEW_CYCLE = "R/P3M";

	public static final String DEFAULT_PILOT_PERIOD = "P4W";

	/** Taken from the sequence {@code pmo_service_seq} before the service is stored: the code derives from it. */
	@Id
	private Long id;

	private String code;

	private String name;

	private String description;

	@Enumerated(EnumType.STRING)
	private OfferingLevel offeringLevel;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "pmo_service_segment", joinColumns = @JoinColumn(name = "service_id"))
	@Column(name = "segment")
	@Enumerated(EnumType.STRING)
	private Set<CustomerSegment> customerSegments = EnumSet.noneOf(CustomerSegment.class);

	@Enumerated(EnumType.STRING)
	private Stage stage;

	@Column(name = "service_version")
	private int serviceVersion;

	private String owner;

	private String requestedBy;

	private String reviewCycle;

	private String pilotPeriod;

	private Instant nextReviewDue;

	private String lifecycleInstanceId;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long rowVersion;

	protected PmoService() {
	}

	/** The code a service with this id carries: SVC-0001, SVC-0002, … */
	static String codeOf(long id) {
		return CODE_PREFIX + String.format("%04d", id);
	}

	/** The id behind a code, when the text can be a code at all. */
	static Optional<Long> idOf(String code) {
		if (code == null || !CODE.matcher(code).matches()) {
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(code, CODE_PREFIX.length(), code.length(), 10));
	}

	PmoService(long id, ServiceRequest request, String requestedBy, Instant now) {
		this.id = id;
		this.code = codeOf(id);
		this.name = request.name().strip();
		this.description = request.description().strip();
		this.offeringLevel = request.offeringLevelOrDefault();
		this.customerSegments = EnumSet.copyOf(request.customerSegments());
		this.stage = Stage.PROPOSED;
		this.serviceVersion = 1;
		this.requestedBy = requestedBy;
		this.owner = requestedBy;
		this.reviewCycle = DEFAULT_REVIEW_CYCLE;
		this.pilotPeriod = DEFAULT_PILOT_PERIOD;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void moveTo(Stage newStage, Instant now) {
		this.stage = newStage;
		if (newStage != Stage.OPERATION) {
			this.nextReviewDue = null;
		}
		this.updatedAt = now;
	}

	void releaseNextVersion(Instant now) {
		this.serviceVersion++;
		this.updatedAt = now;
	}

	void summarizeOfferings(Set<CustomerSegment> segments, OfferingLevel level, Instant now) {
		this.customerSegments.clear();
		this.customerSegments.addAll(segments);
		this.offeringLevel = level;
		this.updatedAt = now;
	}

	/**
	 * The evaluation may set the level the request's segments are offered at; from the design on, the offerings
	 * decide it and the level summarizes them.
	 */
	boolean offersAtRequestedLevel(ServiceTerms terms) {
		return terms.offeringLevel() != null && this.stage == Stage.PROPOSED;
	}

	void linkLifecycle(String processInstanceId) {
		this.lifecycleInstanceId = processInstanceId;
	}

	void scheduleNextReview(Instant due, Instant now) {
		this.nextReviewDue = due;
		this.updatedAt = now;
	}

	void updateTerms(ServiceTerms terms, Instant now) {
		if (terms.owner() != null) {
			this.owner = terms.owner();
		}
		if (offersAtRequestedLevel(terms)) {
			this.offeringLevel = terms.offeringLevel();
		}
		if (terms.reviewCycle() != null) {
			this.reviewCycle = terms.reviewCycle();
		}
		if (terms.pilotPeriod() != null) {
			this.pilotPeriod = terms.pilotPeriod();
		}
		this.updatedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public String getDescription() {
		return this.description;
	}

	public OfferingLevel getOfferingLevel() {
		return this.offeringLevel;
	}

	public Set<CustomerSegment> getCustomerSegments() {
		return this.customerSegments;
	}

	public Stage getStage() {
		return this.stage;
	}

	public PortfolioPhase getPortfolioPhase() {
		return this.stage.portfolioPhase();
	}

	public int getServiceVersion() {
		return this.serviceVersion;
	}

	public String getOwner() {
		return this.owner;
	}

	public String getRequestedBy() {
		return this.requestedBy;
	}

	public String getReviewCycle() {
		return this.reviewCycle;
	}

	public String getPilotPeriod() {
		return this.pilotPeriod;
	}

	public Instant getNextReviewDue() {
		return this.nextReviewDue;
	}

	public String getLifecycleInstanceId() {
		return this.lifecycleInstanceId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
