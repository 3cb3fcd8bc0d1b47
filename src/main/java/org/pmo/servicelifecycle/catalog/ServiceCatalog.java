package org.pmo.servicelifecycle.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog of PMO services and their history. The lifecycle process is the only writer of stages; this class
 * keeps every change and its reason together in one transaction.
 */
@Service
@Transactional
public class ServiceCatalog {

	/** The outcomes a completed service review records. */
	private static final List<String> REVIEW_OUTCOMES = ReviewOutcome.formValues();

	private final PmoServiceRepository services;

	private final ServiceHistoryRepository history;

	private final Validator validator;

	private final Clock clock;

	private final EntityManager entityManager;

	private final ApplicationEventPublisher events;

	ServiceCatalog(PmoServiceRepository services, ServiceHistoryRepository history, Validator validator, Clock clock,
			EntityManager entityManager, ApplicationEventPublisher events) {
		this.entityManager = entityManager;
		this.events = events;
		this.services = services;
		this.history = history;
		this.validator = validator;
		this.clock = clock;
	}

	/** Adds a requested service in stage PROPOSED and gives it the next code. */
	public PmoService register(ServiceRequest request, String requestedBy) {
		Set<ConstraintViolation<ServiceRequest>> violations = this.validator.validate(request);
		if (!violations.isEmpty()) {
			throw new ConstraintViolationException(violations);
		}
		Instant now = this.clock.instant();
		// codes follow the catalog's sequence: SVC-0001, SVC-0002, …
		PmoService service = this.services.save(new PmoService(nextServiceId(), request, requestedBy, now));
		this.history.save(new ServiceHistoryEntry(service, now, HistoryKind.REQUESTED,
				HistoryDetails.of("Service requested", requestedBy))
			.withStages(null, Stage.PROPOSED));
		this.events.publishEvent(new ServiceRegistered(service.getCode()));
		return service;
	}

	private long nextServiceId() {
		Dialect dialect = this.entityManager.getEntityManagerFactory()
			.unwrap(SessionFactoryImplementor.class)
			.getJdbcServices()
			.getDialect();
		String sql = dialect.getSequenceSupport().getSequenceNextValString("pmo_service_seq");
		return ((Number) this.entityManager.createNativeQuery(sql).getSingleResult()).longValue();
	}

	public void linkLifecycle(String code, String processInstanceId) {
		find(code).linkLifecycle(processInstanceId);
	}

	/** Moves the service to a stage and records why; returns false when it already stands there. */
	public boolean moveToStage(String code, Stage stage, HistoryDetails details) {
		PmoService service = find(code);
		Stage from = service.getStage();
		if (from == stage) {
			return false;
		}
		Instant now = this.clock.instant();
		service.moveTo(stage, now);
		this.history.save(new ServiceHistoryEntry(service, now, HistoryKind.STAGE_CHANGED, details).withStages(from, stage));
		this.events.publishEvent(new StageEntered(code, from, stage));
		return true;
	}

	public void updateTerms(String code, ServiceTerms terms) {
		PmoService service = find(code);
		OfferingLevel before = service.getOfferingLevel();
		boolean levelSet = service.offersAtRequestedLevel(terms);
		service.updateTerms(terms, this.clock.instant());
		if (levelSet && terms.offeringLevel() != before) {
			this.events.publishEvent(new OfferingLevelSet(code, terms.offeringLevel()));
		}
	}

	/**
	 * The service, locked until the transaction ends: work that counts what a service has before adding to it (the
	 * places of an offering) runs one at a time.
	 */
	public PmoService lock(long serviceId) {
		PmoService service = this.services.findById(serviceId).orElseThrow(() -> new ServiceNotFoundException(PmoService.codeOf(serviceId)));
		this.entityManager.lock(service, LockModeType.PESSIMISTIC_WRITE);
		return service;
	}

	/** The offerings of the service's version in force, in brief: the segments offered and the level. */
	public void summarizeOfferings(String code, Set<CustomerSegment> segments, OfferingLevel level) {
		find(code).summarizeOfferings(segments, level, this.clock.instant());
	}

	public void scheduleNextReview(String code, Instant due) {
		find(code).scheduleNextReview(due, this.clock.instant());
	}

	/** A transformation went live: the service carries on as its next version. */
	public int releaseNextVersion(String code, HistoryDetails details) {
		PmoService service = find(code);
		Instant now = this.clock.instant();
		service.releaseNextVersion(now);
		this.history.save(new ServiceHistoryEntry(service, now, HistoryKind.VERSION_RELEASED, details));
		this.events.publishEvent(
				new ServiceVersionReleased(code, service.getServiceVersion() - 1, service.getServiceVersion()));
		return service.getServiceVersion();
	}

	/** A transformation ended without releasing its version: what was designed for that version is let go. */
	public void abandonNextVersion(String code) {
		PmoService service = find(code);
		this.events.publishEvent(new NextVersionAbandoned(code, service.getServiceVersion() + 1));
	}

	public void record(String code, HistoryKind kind, HistoryDetails details) {
		PmoService service = find(code);
		this.history.save(new ServiceHistoryEntry(service, this.clock.instant(), kind, details)
			.withStages(service.getStage(), service.getStage()));
	}

	/**
	 * The service with this code. The code is made from the id, so the lookup goes by id: within a transaction that
	 * already holds the service (a lifecycle step's listeners ask for it several times) no query is sent.
	 */
	@Transactional(readOnly = true)
	public PmoService find(String code) {
		return PmoService.idOf(code)
			.flatMap(this.services::findById)
			.filter((service) -> service.getCode().equals(code))
			.orElseThrow(() -> new ServiceNotFoundException(code));
	}

	@Transactional(readOnly = true)
	public List<PmoService> list(Stage stage, int page, int size) {
		PageRequest pageRequest = PageRequest.of(page, size);
		return (stage != null) ? this.services.findByStageOrderByCode(stage, pageRequest)
				: this.services.findAllByOrderByCode(pageRequest);
	}

	/** How many services there are in a stage, or in all. */
	@Transactional(readOnly = true)
	public long count(Stage stage) {
		return (stage != null) ? this.services.countByStage(stage) : this.services.count();
	}

	/** Services of one stage, or of one portfolio phase, or all, in code order. */
	@Transactional(readOnly = true)
	public List<PmoService> list(PortfolioPhase phase, Stage stage, int limit) {
		if (stage != null || phase == null) {
			return list(stage, 0, limit);
		}
		List<Stage> stages = Arrays.stream(Stage.values()).filter((each) -> each.portfolioPhase() == phase).toList();
		return this.services.findByStageInOrderByCode(stages, PageRequest.of(0, limit));
	}

	@Transactional(readOnly = true)
	public Map<Stage, Long> countByStage() {
		Map<Stage, Long> counts = new EnumMap<>(Stage.class);
		for (Stage stage : Stage.values()) {
			counts.put(stage, 0L);
		}
		this.services.countPerStage().forEach((row) -> counts.put(row.getStage(), row.getServices()));
		return counts;
	}

	/** Every service in one of the stages, in code order. */
	@Transactional(readOnly = true)
	public List<PmoService> inStages(Collection<Stage> stages) {
		return this.services.findByStageInOrderByCode(stages, Pageable.unpaged());
	}

	/** Code and name of every service in one of the stages, in code order, without loading the services. */
	@Transactional(readOnly = true)
	public List<PmoServiceRepository.ServiceName> namesInStages(Collection<Stage> stages) {
		return this.services.namesInStages(Stage.stored(stages));
	}

	/** The services with these catalog ids. */
	@Transactional(readOnly = true)
	public List<PmoService> byIds(Collection<Long> ids) {
		return this.services.findAllById(ids);
	}

	/** The services a person asked for, newest code last. */
	@Transactional(readOnly = true)
	public List<PmoServiceRepository.RequestRow> requestedBy(String userId, int limit) {
		return this.services.requestsOf(userId, limit);
	}

	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return this.services.count() == 0;
	}

	/** When the service was last reviewed in operation, or null when it never was. */
	@Transactional(readOnly = true)
	public Instant lastReview(String code) {
		return this.history
			.findFirstByServiceIdAndKindAndDecisionInOrderByOccurredAtDescIdDesc(find(code).getId(),
					HistoryKind.TASK_COMPLETED, REVIEW_OUTCOMES)
			.map(ServiceHistoryEntry::getOccurredAt)
			.orElse(null);
	}

	@Transactional(readOnly = true)
	public List<ServiceHistoryEntry> history(String code) {
		return this.history.findByServiceIdOrderByOccurredAtAscIdAsc(find(code).getId());
	}

}
