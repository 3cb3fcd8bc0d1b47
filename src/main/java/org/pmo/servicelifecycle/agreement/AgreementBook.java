package org.pmo.servicelifecycle.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.lifecycle.ReviewRequests;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The performance agreements of each service version, their measurements, and what follows from them: attainment
 * per period, per offering and per customer, and a breach on a live service asking its lifecycle for a review.
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

	private final OfferingBook offerings;

	private final CustomerParties customers;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AgreementBook(PerformanceAgreementRepository agreements, MeasurementRepository measurements,
			SlaBreachRepository breaches, ServiceCatalog catalog, ReviewRequests reviews, OfferingBook offerings,
			CustomerParties customers, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.offerings = offerings;
		this.customers = customers;
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

	/** Adds one agreement to the service's current version, for one of its offerings or for all of them. */
	public AgreementView add(String code, AgreementTerms terms, String actor) {
		PmoService service = open(code);
		OfferingBook.checkTarget(terms, "");
		checkOffered(service, terms.segment(), "segment");
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
			OfferingBook.checkTarget(terms.get(i), "[" + i + "].");
			checkOffered(service, terms.get(i).segment(), "[" + i + "].segment");
			if (!seen.add(terms.get(i).metric() + "/" + terms.get(i).segment())) {
				throw new InvalidInputException("[" + i + "].metric",
						"a second agreement on '" + terms.get(i).metric() + "' for " + segmentName(terms.get(i).segment()));
			}
		}
		if (service.getStage() == Stage.OPERATION) {
			// a live service measures every offering it makes
			for (Offering offering : this.offerings.offerings(service, service.getServiceVersion())) {
				if (terms.stream().noneMatch((t) -> t.segment() == null || t.segment() == offering.getSegment())) {
					throw new InvalidInputException("body", "the live offering for " + offering.getSegment()
							+ " would be left without an agreement");
				}
			}
		}
		List<PerformanceAgreement> existing = this.agreements
			.findByServiceIdAndServiceVersionOrderById(service.getId(), service.getServiceVersion());
		for (PerformanceAgreement agreement : existing) {
			if (agreement.isActive() && terms.stream().noneMatch((t) -> agreement.covers(t.metric(), t.segment()))) {
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

	/** An agreement for a segment belongs to the service's offering for it. */
	private void checkOffered(PmoService service, CustomerSegment segment, String field) {
		if (segment != null && this.offerings.offeringFor(service, segment).isEmpty()) {
			throw new InvalidInputException(field, "the service makes no offering for " + segment
					+ "; add the offering first (PUT /api/services/" + service.getCode() + "/offerings)");
		}
	}

	/**
	 * Records measured values; a period that now misses its target on a live service asks for a review (or joins the
	 * one open). A measurement may name the customer it was taken for: one that receives the offering.
	 */
	public MeasurementResult record(String code, List<MeasurementInput> inputs, String actor) {
		PmoService service = open(code);
		List<PerformanceAgreement> current = current(service);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		Map<String, PeriodOfAgreement> touched = new LinkedHashMap<>();
		for (int i = 0; i < inputs.size(); i++) {
			MeasurementInput input = inputs.get(i);
			String at = "[" + i + "].";
			CustomerSegment segment = input.segment();
			if (input.customer() != null) {
				CustomerSegment customerSegment = this.customers.segmentOf(input.customer())
					.orElseThrow(() -> new InvalidInputException(at + "customer", "no customer " + input.customer()));
				if (segment != null && segment != customerSegment) {
					throw new InvalidInputException(at + "segment", "customer " + input.customer() + " belongs to "
							+ customerSegment + ", not " + segment);
				}
				segment = customerSegment;
			}
			PerformanceAgreement agreement = agreementFor(current, input.metric(), segment)
				.orElseThrow(() -> new InvalidInputException(at + "metric", "no agreement on '" + input.metric()
						+ "' for " + segmentName(input.segment()) + " in version " + service.getServiceVersion()));
			if (input.customer() != null) {
				CustomerSegment receiving = segment;
				Offering offering = this.offerings.offeringFor(service, receiving).orElse(null);
				if (offering == null || !this.customers.receives(input.customer(), offering)) {
					throw new InvalidInputException(at + "customer", "customer " + input.customer()
							+ " does not receive the offering of " + code + " for " + receiving);
				}
			}
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
			this.measurements.save(new Measurement(agreement, periodStart, input.value(), this.clock.instant(), actor,
					input.customer()));
			touched.putIfAbsent(agreement.getId() + "@" + periodStart, new PeriodOfAgreement(agreement, periodStart));
		}
		this.measurements.flush();
		List<MeasurementResult.Breach> found = new ArrayList<>();
		for (PeriodOfAgreement period : touched.values()) {
			detectBreach(service, period).ifPresent(found::add);
		}
		return new MeasurementResult(inputs.size(), found);
	}

	/** The offering's own agreement on the metric, or else the service's agreement for every segment. */
	private static java.util.Optional<PerformanceAgreement> agreementFor(List<PerformanceAgreement> current,
			String metric, CustomerSegment segment) {
		java.util.Optional<PerformanceAgreement> own = current.stream().filter((a) -> a.covers(metric, segment)).findFirst();
		return (own.isPresent() || segment == null) ? own
				: current.stream().filter((a) -> a.covers(metric, null)).findFirst();
	}

	@Transactional(readOnly = true)
	public PerformanceReport performance(String code) {
		PmoService service = this.catalog.find(code);
		List<PerformanceReport.AgreementPerformance> rows = new ArrayList<>();
		Attainment health = null;
		for (PerformanceAgreement agreement : current(service)) {
			TreeMap<LocalDate, List<Measurement>> byPeriod = new TreeMap<>(Comparator.reverseOrder());
			LocalDate from = latestPeriods(agreement);
			this.measurements.findByAgreementIdAndPeriodStartGreaterThanEqualOrderByPeriodStart(agreement.getId(), from)
				.forEach((m) -> byPeriod.computeIfAbsent(m.getPeriodStart(), (k) -> new ArrayList<>()).add(m));
			List<LocalDate> starts = new ArrayList<>(byPeriod.keySet());
			double[] means = starts.stream().mapToDouble((start) -> meanOf(byPeriod.get(start))).toArray();
			List<PerformanceReport.PeriodFigure> figures = new ArrayList<>();
			for (int i = 0; i < starts.size(); i++) {
				// a trend runs over consecutive periods: a period without measurements ends it
				int end = i + 1;
				while (end < starts.size() && agreement.getPeriod().previous(starts.get(end - 1)).equals(starts.get(end))) {
					end++;
				}
				double[] fromHere = java.util.Arrays.copyOfRange(means, i, end);
				figures.add(new PerformanceReport.PeriodFigure(Periods.name(starts.get(i), agreement.getPeriod()),
						means[i], byPeriod.get(starts.get(i)).size(), attainment(agreement, fromHere)));
			}
			Attainment status = figures.isEmpty() ? null : figures.get(0).attainment();
			health = worse(health, status);
			rows.add(new PerformanceReport.AgreementPerformance(AgreementView.of(agreement), status, figures,
					(status == Attainment.AT_RISK) ? warning(agreement, consecutive(agreement, starts, means)) : null,
					starts.isEmpty() ? List.of() : customerFigures(agreement, starts.get(0), byPeriod.get(starts.get(0)))));
		}
		List<PerformanceReport.OfferingPerformance> offered = new ArrayList<>();
		for (Offering offering : this.offerings.offerings(service, service.getServiceVersion())) {
			Attainment attainment = null;
			for (PerformanceReport.AgreementPerformance row : rows) {
				if (row.agreement().segment() == null || row.agreement().segment() == offering.getSegment()) {
					attainment = worse(attainment, row.status());
				}
			}
			offered.add(new PerformanceReport.OfferingPerformance(offering.getSegment(), offering.getLevel(), attainment));
		}
		return new PerformanceReport(service.getCode(), service.getServiceVersion(), health, rows, offered);
	}

	/** The newest means up to the first period without measurements. */
	private static double[] consecutive(PerformanceAgreement agreement, List<LocalDate> starts, double[] means) {
		int end = Math.min(1, starts.size());
		while (end < starts.size() && agreement.getPeriod().previous(starts.get(end - 1)).equals(starts.get(end))) {
			end++;
		}
		return java.util.Arrays.copyOfRange(means, 0, end);
	}

	private static Attainment attainment(PerformanceAgreement agreement, double[] newestFirst) {
		return Attainment.of(newestFirst, agreement.getTarget(), agreement.getDirection(), agreement.getRiskMargin());
	}

	private static String warning(PerformanceAgreement agreement, double[] newestFirst) {
		if (Attainment.projectedMiss(newestFirst, agreement.getTarget(), agreement.getDirection())) {
			return "worse for " + Attainment.Trend.PERIODS + " periods: at this pace the next period misses "
					+ Labels.number(agreement.getTarget());
		}
		return "within the agreement's risk margin of " + Labels.number(agreement.getRiskMargin()) + " of the target";
	}

	private List<PerformanceReport.CustomerFigure> customerFigures(PerformanceAgreement agreement, LocalDate start,
			List<Measurement> newest) {
		Map<Long, List<Measurement>> byCustomer = new TreeMap<>();
		newest.stream()
			.filter((m) -> m.getCustomerId() != null)
			.forEach((m) -> byCustomer.computeIfAbsent(m.getCustomerId(), (k) -> new ArrayList<>()).add(m));
		List<PerformanceReport.CustomerFigure> figures = new ArrayList<>();
		byCustomer.forEach((customer, values) -> {
			double mean = meanOf(values);
			figures.add(new PerformanceReport.CustomerFigure(customer, this.customers.nameOf(customer),
					Periods.name(start, agreement.getPeriod()), mean,
					attainment(agreement, new double[] { mean })));
		});
		return figures;
	}

	private static Attainment worse(Attainment one, Attainment other) {
		if (one == null) {
			return other;
		}
		return (other != null && other.compareTo(one) > 0) ? other : one;
	}

	private static double meanOf(List<Measurement> values) {
		return mean(values.stream().map(Measurement::getMeasuredValue).toList());
	}

	private java.util.Optional<MeasurementResult.Breach> detectBreach(PmoService service, PeriodOfAgreement period) {
		PerformanceAgreement agreement = period.agreement();
		double mean = mean(this.measurements.findByAgreementIdAndPeriodStart(agreement.getId(), period.start())
			.stream()
			.map(Measurement::getMeasuredValue)
			.toList());
		if (agreement.getDirection().meets(mean, agreement.getTarget())) {
			return java.util.Optional.empty();
		}
		boolean live = service.getStage() == Stage.OPERATION;
		// one breach per agreement and period; one found before the go-live asks for the review once the service is live
		java.util.Optional<SlaBreach> earlier = this.breaches.findByAgreementIdAndPeriodStart(agreement.getId(),
				period.start());
		if (earlier.isPresent() && (earlier.get().isReviewRequested() || !live)) {
			return java.util.Optional.empty();
		}
		if (earlier.isPresent()) {
			earlier.get().breachedWhileLive(mean, this.clock.instant());
			this.breaches.saveAndFlush(earlier.get());
		}
		else {
			this.breaches.saveAndFlush(new SlaBreach(agreement, period.start(), mean, live, this.clock.instant()));
		}
		String periodName = Periods.name(period.start(), agreement.getPeriod());
		String reason = "SLA breach: " + agreement.getMetric() + " " + Labels.number(mean) + " in " + periodName + " for "
				+ segmentName(agreement.getSegment()) + " (agreed " + agreement.getDirection().name().toLowerCase().replace('_', ' ')
				+ " " + Labels.number(agreement.getTarget()) + ")";
		this.catalog.record(service.getCode(), HistoryKind.SLA_BREACHED, new HistoryDetails("SLA breach", null, null, reason));
		if (live) {
			this.reviews.requestUnscheduledReview(service.getCode(), reason);
			this.events.publishEvent(new AgreementBreached(service.getCode(), agreement.getSegment(), reason));
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
				+ Labels.number(agreement.getTarget()) + " " + agreement.getUnit() + " per " + agreement.getPeriod().name().toLowerCase()
				+ " for " + segmentName(agreement.getSegment());
	}

	private static String segmentName(CustomerSegment segment) {
		return (segment != null) ? segment.name() : "all segments";
	}

	private static double mean(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
	}

	private record PeriodOfAgreement(PerformanceAgreement agreement, LocalDate start) {
	}

}
