package org.pmo.servicelifecycle.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.pmo.servicelifecycle.catalog.AgreementDirectory;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.HistoryDetails;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceVersionReleased;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.lifecycle.ReviewRequests;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The performance agreements of each service version, their measurements, and what follows from them: attainment
 * per period, and a breach on a live service asking its lifecycle for one unscheduled review.
 */
@Service
@Transactional
public class AgreementBook implements AgreementDirectory {

	/** How many recent periods the performance report shows. */
	static final int REPORTED_PERIODS = 3;

	private final PerformanceAgreementRepository agreements;

	private final MeasurementRepository measurements;

	private final SlaBreachRepository breaches;

	private final ServiceCatalog catalog;

	private final ReviewRequests reviews;

	private final Clock clock;

	AgreementBook(PerformanceAgreementRepository agreements, MeasurementRepository measurements,
			SlaBreachRepository breaches, ServiceCatalog catalog, ReviewRequests reviews, Clock clock) {
		this.agreements = agreements;
		this.measurements = measurements;
		this.breaches = breaches;
		this.catalog = catalog;
		this.reviews = reviews;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<AgreementView> agreementsOf(String code) {
		return current(this.catalog.find(code)).stream().map(AgreementView::of).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, List<?>> agreementsOf(Collection<PmoService> services) {
		Map<Long, PmoService> byId = new HashMap<>();
		Map<String, List<?>> result = new HashMap<>();
		for (PmoService service : services) {
			byId.put(service.getId(), service);
			result.put(service.getCode(), new ArrayList<AgreementView>());
		}
		if (!byId.isEmpty()) {
			for (PerformanceAgreement agreement : this.agreements.findByServiceIdInAndActiveTrueOrderById(byId.keySet())) {
				PmoService service = byId.get(agreement.getServiceId());
				if (agreement.getServiceVersion() == service.getServiceVersion()) {
					@SuppressWarnings("unchecked")
					List<AgreementView> views = (List<AgreementView>) result.get(service.getCode());
					views.add(AgreementView.of(agreement));
				}
			}
		}
		return result;
	}

	/** Adds one agreement to the service's current version. */
	public AgreementView add(String code, AgreementTerms terms, String actor) {
		PmoService service = open(code);
		checkTarget(terms, "");
		if (current(service).stream().anyMatch((a) -> a.covers(terms.metric(), terms.segment()))) {
			throw new InvalidInputException("metric",
					"the service already has an agreement on '" + terms.metric() + "' for "
							+ segmentName(terms.segment()) + "; change it with PUT");
		}
		PerformanceAgreement agreement = this.agreements
			.save(new PerformanceAgreement(service.getId(), service.getServiceVersion(), terms, this.clock.instant()));
		recordChange(service, actor, "Agreement added: " + describe(agreement));
		return AgreementView.of(agreement);
	}

	/** Makes the given list the agreements of the service's current version; measurements of kept ones stay. */
	public List<AgreementView> replace(String code, List<AgreementTerms> terms, String actor) {
		PmoService service = open(code);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < terms.size(); i++) {
			checkTarget(terms.get(i), "[" + i + "].");
			if (!seen.add(terms.get(i).metric() + "/" + terms.get(i).segment())) {
				throw new InvalidInputException("[" + i + "].metric",
						"a second agreement on '" + terms.get(i).metric() + "' for " + segmentName(terms.get(i).segment()));
			}
		}
		List<PerformanceAgreement> existing = this.agreements
			.findByServiceIdAndServiceVersionOrderById(service.getId(), service.getServiceVersion());
		for (PerformanceAgreement agreement : existing) {
			if (terms.stream().noneMatch((t) -> agreement.covers(t.metric(), t.segment()))) {
				agreement.withdraw(this.clock.instant());
			}
		}
		for (AgreementTerms term : terms) {
			existing.stream()
				.filter((a) -> a.covers(term.metric(), term.segment()))
				.findFirst()
				.ifPresentOrElse((a) -> a.apply(term, this.clock.instant()),
						() -> this.agreements.save(new PerformanceAgreement(service.getId(),
								service.getServiceVersion(), term, this.clock.instant())));
		}
		recordChange(service, actor, terms.size() + " agreement(s) set for version " + service.getServiceVersion());
		return agreementsOf(code);
	}

	/** A target the unit cannot take (NaN, a percentage above 100, ...) could never be met or missed. */
	private static void checkTarget(AgreementTerms terms, String at) {
		if (terms.target() != null && terms.unit() != null && !terms.unit().admits(terms.target())) {
			throw new InvalidInputException(at + "target",
					"must be " + terms.unit().range() + " for " + terms.unit());
		}
	}

	/** A new version of the service starts with the agreements of the version before. */
	@EventListener
	void carryOver(ServiceVersionReleased release) {
		PmoService service = this.catalog.find(release.code());
		for (PerformanceAgreement previous : this.agreements
			.findByServiceIdAndServiceVersionAndActiveTrueOrderById(service.getId(), release.previousVersion())) {
			this.agreements.save(new PerformanceAgreement(service.getId(), service.getServiceVersion(),
					new AgreementTerms(previous.getSegment(), previous.getMetric(), previous.getUnit(),
							previous.getDirection(), previous.getTarget(), previous.getPeriod(),
							previous.getDescription()),
					this.clock.instant()));
		}
	}

	/** Records measured values; a period that now misses its target on a live service asks for one review. */
	public MeasurementResult record(String code, List<MeasurementInput> inputs, String actor) {
		PmoService service = open(code);
		List<PerformanceAgreement> current = current(service);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		Map<String, PeriodOfAgreement> touched = new LinkedHashMap<>();
		for (int i = 0; i < inputs.size(); i++) {
			MeasurementInput input = inputs.get(i);
			String at = "[" + i + "].";
			PerformanceAgreement agreement = current.stream()
				.filter((a) -> a.covers(input.metric(), input.segment()))
				.findFirst()
				.orElseThrow(() -> new InvalidInputException(at + "metric", "no agreement on '" + input.metric()
						+ "' for " + segmentName(input.segment()) + " in version " + service.getServiceVersion()));
			if (!agreement.getUnit().admits(input.value())) {
				throw new InvalidInputException(at + "value",
						"must be " + agreement.getUnit().range() + " for " + agreement.getUnit());
			}
			LocalDate periodStart = Periods.startOf(input.period(), agreement.getPeriod());
			if (periodStart == null) {
				throw new InvalidInputException(at + "period",
						"'" + input.period() + "' is not a period such as 2026-11, 2026-Q4 or 2026-11-15");
			}
			if (periodStart.isAfter(today)) {
				throw new InvalidInputException(at + "period", "'" + input.period() + "' has not begun yet");
			}
			this.measurements.save(new Measurement(agreement, periodStart, input.value(), this.clock.instant(), actor));
			touched.putIfAbsent(agreement.getId() + "@" + periodStart, new PeriodOfAgreement(agreement, periodStart));
		}
		this.measurements.flush();
		List<MeasurementResult.Breach> found = new ArrayList<>();
		for (PeriodOfAgreement period : touched.values()) {
			detectBreach(service, period).ifPresent(found::add);
		}
		return new MeasurementResult(inputs.size(), found);
	}

	@Transactional(readOnly = true)
	public PerformanceReport performance(String code) {
		PmoService service = this.catalog.find(code);
		List<PerformanceReport.AgreementPerformance> rows = new ArrayList<>();
		Attainment health = null;
		for (PerformanceAgreement agreement : current(service)) {
			TreeMap<LocalDate, List<Double>> byPeriod = new TreeMap<>(Comparator.reverseOrder());
			LocalDate from = latestPeriods(agreement);
			this.measurements.findByAgreementIdAndPeriodStartGreaterThanEqualOrderByPeriodStart(agreement.getId(), from)
				.forEach((m) -> byPeriod.computeIfAbsent(m.getPeriodStart(), (k) -> new ArrayList<>())
					.add(m.getMeasuredValue()));
			List<PerformanceReport.PeriodFigure> figures = byPeriod.entrySet().stream().map((entry) -> {
				double mean = mean(entry.getValue());
				return new PerformanceReport.PeriodFigure(Periods.name(entry.getKey(), agreement.getPeriod()), mean,
						entry.getValue().size(), Attainment.of(mean, agreement.getTarget(), agreement.getDirection()));
			}).toList();
			Attainment status = figures.isEmpty() ? null : figures.get(0).attainment();
			if (status != null && (health == null || status.compareTo(health) > 0)) {
				health = status;
			}
			rows.add(new PerformanceReport.AgreementPerformance(AgreementView.of(agreement), status, figures));
		}
		return new PerformanceReport(service.getCode(), service.getServiceVersion(), health, rows);
	}

	private java.util.Optional<MeasurementResult.Breach> detectBreach(PmoService service, PeriodOfAgreement period) {
		PerformanceAgreement agreement = period.agreement();
		double mean = mean(this.measurements.findByAgreementIdAndPeriodStart(agreement.getId(), period.start())
			.stream()
			.map(Measurement::getMeasuredValue)
			.toList());
		if (Attainment.of(mean, agreement.getTarget(), agreement.getDirection()) != Attainment.BREACHED
				|| this.breaches.existsByAgreementIdAndPeriodStart(agreement.getId(), period.start())) {
			return java.util.Optional.empty();
		}
		boolean live = service.getStage() == Stage.OPERATION;
		this.breaches.saveAndFlush(new SlaBreach(agreement, period.start(), mean, live, this.clock.instant()));
		String periodName = Periods.name(period.start(), agreement.getPeriod());
		String reason = "SLA breach: " + agreement.getMetric() + " " + format(mean) + " in " + periodName + " for "
				+ segmentName(agreement.getSegment()) + " (agreed " + agreement.getDirection().name().toLowerCase().replace('_', ' ')
				+ " " + format(agreement.getTarget()) + ")";
		this.catalog.record(service.getCode(), HistoryKind.SLA_BREACHED, new HistoryDetails("SLA breach", null, null, reason));
		if (live) {
			this.reviews.requestUnscheduledReview(service.getCode(), reason);
		}
		return java.util.Optional.of(new MeasurementResult.Breach(agreement.getMetric(), agreement.getSegment(),
				periodName, mean, agreement.getTarget(), live));
	}

	private LocalDate latestPeriods(PerformanceAgreement agreement) {
		LocalDate start = agreement.getPeriod().startOf(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC));
		for (int i = 1; i < REPORTED_PERIODS; i++) {
			start = agreement.getPeriod().previous(start);
		}
		return start;
	}

	private PmoService open(String code) {
		PmoService service = this.catalog.find(code);
		if (service.getStage().isFinal()) {
			throw new InvalidInputException("code",
					"service " + code + " is " + service.getStage() + " and takes no agreements or measurements");
		}
		return service;
	}

	private List<PerformanceAgreement> current(PmoService service) {
		return this.agreements.findByServiceIdAndServiceVersionAndActiveTrueOrderById(service.getId(),
				service.getServiceVersion());
	}

	private void recordChange(PmoService service, String actor, String what) {
		this.catalog.record(service.getCode(), HistoryKind.AGREEMENTS_CHANGED,
				new HistoryDetails("Performance agreements", null, actor, what));
	}

	private static String describe(PerformanceAgreement agreement) {
		return agreement.getMetric() + " " + agreement.getDirection().name().toLowerCase().replace('_', ' ') + " "
				+ format(agreement.getTarget()) + " " + agreement.getUnit() + " per " + agreement.getPeriod().name().toLowerCase()
				+ " for " + segmentName(agreement.getSegment());
	}

	private static String segmentName(CustomerSegment segment) {
		return (segment != null) ? segment.name() : "all segments";
	}

	private static double mean(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.format("%.2f", value);
	}

	private record PeriodOfAgreement(PerformanceAgreement agreement, LocalDate start) {
	}

}
