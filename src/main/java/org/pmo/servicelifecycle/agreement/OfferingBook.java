package org.pmo.servicelifecycle.agreement;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.HistoryDetails;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.NextVersionAbandoned;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.OfferingLevelSet;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceRegistered;
import org.pmo.servicelifecycle.catalog.ServiceVersionReleased;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offerings of each service version and the agreements that come with them. The version in force is the
 * service's current one; a transformation designs the next version's offerings, which hold from its release. The
 * service's {@code customerSegments} and {@code offeringLevel} are kept as a summary of the offerings in force.
 */
@Service
@Transactional
public class OfferingBook {

	/**
	 * Where the offerings in force change over the API: before the design is done, and while the service runs. Between
	 * the design and the go-live the board decides on what the design said.
	 */
	private static final Set<Stage> CHANGEABLE = EnumSet.of(Stage.PROPOSED, Stage.DESIGN, Stage.OPERATION);

	/** At most this many agreements per offering. */
	static final int MAX_AGREEMENTS = 50;

	private final OfferingRepository offerings;

	private final PerformanceAgreementRepository agreements;

	private final ServiceCatalog catalog;

	private final Clock clock;

	OfferingBook(OfferingRepository offerings, PerformanceAgreementRepository agreements, ServiceCatalog catalog,
			Clock clock) {
		this.offerings = offerings;
		this.agreements = agreements;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** The offerings in force, each with its agreements. */
	@Transactional(readOnly = true)
	public List<OfferingView> offeringsOf(String code) {
		PmoService service = this.catalog.find(code);
		return views(service, service.getServiceVersion());
	}

	/** The offerings of the version being designed (the next one during a transformation), with their agreements. */
	@Transactional(readOnly = true)
	public List<OfferingView> designedOfferingsOf(String code) {
		PmoService service = this.catalog.find(code);
		int version = designedVersion(service);
		List<OfferingView> designed = views(service, version);
		return designed.isEmpty() ? views(service, service.getServiceVersion()) : designed;
	}

	/** The offering in force for a segment. */
	@Transactional(readOnly = true)
	public Optional<Offering> offeringFor(PmoService service, CustomerSegment segment) {
		return offeringsInForce(service).stream()
			.filter((offering) -> offering.getSegment() == segment)
			.findFirst();
	}

	/** The offerings of the version in force, one per segment offered. */
	@Transactional(readOnly = true)
	public List<Offering> offeringsInForce(PmoService service) {
		return offerings(service, service.getServiceVersion());
	}

	/**
	 * Code, name and places of the services in the stages whose version in force offers the segment as ADDITIONAL
	 * (services recorded before offerings existed count by their summary), in code order, at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<OfferingRepository.OpenOffer> additionalFor(CustomerSegment segment, Collection<Stage> stages, int limit) {
		return this.offerings.additionalFor(segment.name(), Stage.stored(stages), limit);
	}

	/** Replaces the offerings in force and their agreements (PUT). */
	public List<OfferingView> replace(String code, List<OfferingTerms> terms, String actor) {
		PmoService service = open(code);
		if (!CHANGEABLE.contains(service.getStage())) {
			throw new InvalidInputException("code", code + " is in " + service.getStage()
					+ ": its offerings are with the board or in pilot; they change in the (re)design");
		}
		check(terms, "", agreesForEverySegment(service, service.getServiceVersion()));
		write(service, service.getServiceVersion(), terms, actor);
		return offeringsOf(code);
	}

	/**
	 * Keeps what the design form designed: the offerings of the version in design, and their agreements. Checked as
	 * the API checks them; {@code at} names the offending field as the form knows it.
	 */
	public void design(String code, List<OfferingTerms> terms, String actor) {
		PmoService service = open(code);
		check(terms, "offerings", agreesForEverySegment(service, designedVersion(service)));
		write(service, designedVersion(service), terms, actor);
	}

	/**
	 * A version goes live only when every offering it makes has at least one performance agreement.
	 * @throws InvalidInputException naming the offerings without one
	 */
	@Transactional(readOnly = true)
	public void checkReadyForGoLive(String code) {
		PmoService service = this.catalog.find(code);
		int version = designedVersion(service);
		List<Offering> offered = offerings(service, version);
		if (offered.isEmpty()) {
			throw new InvalidInputException("offerings", "version " + version + " of " + code
					+ " offers nothing yet: design its offerings and their agreements before it goes live");
		}
		List<PerformanceAgreement> agreed = this.agreements
			.findByServiceIdAndServiceVersionAndActiveTrueOrderById(service.getId(), version);
		boolean everySegment = agreesForEverySegment(service, version);
		List<String> without = offered.stream()
			.filter((offering) -> !everySegment && agreed.stream().noneMatch((a) -> a.getSegment() == offering.getSegment()))
			.map((offering) -> offering.getSegment().name())
			.toList();
		if (!without.isEmpty()) {
			throw new InvalidInputException("offerings", "the offering for " + String.join(", ", without)
					+ " has no performance agreement: it cannot go live unmeasured; add one in the design");
		}
	}

	/**
	 * The version has an agreement for every segment: its own, or for a version in design, one of the version in
	 * force, which carries over at the release.
	 */
	@Transactional(readOnly = true)
	public boolean agreesForEverySegment(PmoService service, int version) {
		return this.agreements.findByServiceIdAndServiceVersionAndActiveTrueOrderById(service.getId(), version)
			.stream()
			.anyMatch((a) -> a.getSegment() == null)
				|| (version > service.getServiceVersion() && agreesForEverySegment(service, service.getServiceVersion()));
	}

	@Transactional(readOnly = true)
	public boolean agreesForEverySegmentInDesign(String code) {
		PmoService service = this.catalog.find(code);
		return agreesForEverySegment(service, designedVersion(service));
	}

	/** The version in design: the next one while the live service is transformed, else the current one. */
	static int designedVersion(PmoService service) {
		return (service.getStage() == Stage.TRANSFORM) ? service.getServiceVersion() + 1 : service.getServiceVersion();
	}

	/** The offerings of a version; the version in force without rows offers what its service lists. */
	List<Offering> offerings(PmoService service, int version) {
		List<Offering> stored = this.offerings.findByServiceIdAndServiceVersionOrderBySegment(service.getId(), version);
		if (!stored.isEmpty() || version != service.getServiceVersion()) {
			return stored;
		}
		return service.getCustomerSegments()
			.stream()
			.sorted()
			.map((segment) -> new Offering(service.getId(), version, segment, service.getOfferingLevel(), null, null,
					null))
			.toList();
	}

	/** A request's segments at its level are the offerings of its first version until the design says more. */
	@EventListener
	void offerRequested(ServiceRegistered registered) {
		PmoService service = this.catalog.find(registered.code());
		for (Offering offering : offerings(service, service.getServiceVersion())) {
			this.offerings.save(new Offering(service.getId(), offering.getServiceVersion(), offering.getSegment(),
					offering.getLevel(), null, null, this.clock.instant()));
		}
	}

	/** An abandoned transformation's design is let go: the next one starts from the version in force. */
	@EventListener
	void forgetDesign(NextVersionAbandoned abandoned) {
		PmoService service = this.catalog.find(abandoned.code());
		this.offerings.deleteVersion(service.getId(), abandoned.version());
		this.agreements.findByServiceIdAndServiceVersionAndActiveTrueOrderById(service.getId(), abandoned.version())
			.forEach((agreement) -> agreement.withdraw(this.clock.instant()));
	}

	/** The evaluation's level holds for the offerings the request made. */
	@EventListener
	void offerAtLevel(OfferingLevelSet set) {
		PmoService service = this.catalog.find(set.code());
		this.offerings.findByServiceIdAndServiceVersionOrderBySegment(service.getId(), service.getServiceVersion())
			.forEach((offering) -> offering.offerAt(set.level()));
	}

	/**
	 * The services in force that a customer of the segment receives without asking: those whose version in force
	 * offers the segment as MANDATED (services recorded before offerings existed count by their summary).
	 */
	@Transactional(readOnly = true)
	public List<PmoService> mandatedFor(CustomerSegment segment, Collection<Stage> stages) {
		return this.offerings.mandatedFor(segment.name(), Stage.stored(stages));
	}

	/** A new version starts with what its transformation designed, or else with the offerings of the version before. */
	@EventListener
	void carryOver(ServiceVersionReleased release) {
		PmoService service = this.catalog.find(release.code());
		int version = release.newVersion();
		List<Offering> designed = this.offerings.findByServiceIdAndServiceVersionOrderBySegment(service.getId(), version);
		if (designed.isEmpty()) {
			for (Offering previous : offerings(service, release.previousVersion())) {
				this.offerings.save(new Offering(service.getId(), version, previous.getSegment(), previous.getLevel(),
						previous.getCapacity(), previous.getDescription(), this.clock.instant()));
			}
			for (PerformanceAgreement previous : this.agreements
				.findByServiceIdAndServiceVersionAndActiveTrueOrderById(service.getId(), release.previousVersion())) {
				this.agreements.save(
						new PerformanceAgreement(service.getId(), version, previous.terms(), this.clock.instant()));
			}
			// agreements for every segment carry on beside those the design gave each offering
		}
		else {
			for (PerformanceAgreement previous : this.agreements
				.findByServiceIdAndServiceVersionAndActiveTrueOrderById(service.getId(), release.previousVersion())) {
				if (previous.getSegment() == null) {
					this.agreements.save(
							new PerformanceAgreement(service.getId(), version, previous.terms(), this.clock.instant()));
				}
			}
		}
		summarize(service, offerings(service, version));
	}

	private void write(PmoService service, int version, List<OfferingTerms> terms, String actor) {
		this.offerings.deleteVersion(service.getId(), version);
		List<Offering> written = new ArrayList<>();
		for (OfferingTerms offering : terms) {
			written.add(this.offerings.save(new Offering(service.getId(), version, offering.segment(),
					offering.level(), offering.capacity(), offering.description(), this.clock.instant())));
		}
		List<PerformanceAgreement> existing = this.agreements.findByServiceIdAndServiceVersionOrderById(service.getId(),
				version);
		List<AgreementTerms> wanted = new ArrayList<>();
		for (OfferingTerms offering : terms) {
			offering.agreementsOrNone().forEach((agreement) -> wanted.add(agreement.forSegment(offering.segment())));
		}
		for (PerformanceAgreement agreement : existing) {
			// agreements for every segment are kept: the offerings' own agreements are what this replaces
			if (agreement.isActive() && agreement.getSegment() != null
					&& wanted.stream().noneMatch((t) -> agreement.covers(t.metric(), t.segment()))) {
				agreement.withdraw(this.clock.instant());
			}
		}
		for (AgreementTerms agreement : wanted) {
			existing.stream()
				.filter((a) -> a.covers(agreement.metric(), agreement.segment()))
				.findFirst()
				.ifPresentOrElse((a) -> a.apply(agreement.describedAs(a.getDescription()), this.clock.instant()),
						() -> this.agreements.save(new PerformanceAgreement(service.getId(), version, agreement,
								this.clock.instant())));
		}
		if (version == service.getServiceVersion()) {
			summarize(service, written);
		}
		this.catalog.record(service.getCode(), HistoryKind.AGREEMENTS_CHANGED, new HistoryDetails(
				"Offerings and agreements", null, actor, describe(version, terms)));
	}

	/** Offerings in force as the service's summary: MANDATED when any segment receives it without asking. */
	private void summarize(PmoService service, List<Offering> offered) {
		if (offered.isEmpty()) {
			return;
		}
		Set<CustomerSegment> segments = EnumSet.noneOf(CustomerSegment.class);
		offered.forEach((offering) -> segments.add(offering.getSegment()));
		OfferingLevel level = offered.stream().anyMatch((offering) -> offering.getLevel() == OfferingLevel.MANDATED)
				? OfferingLevel.MANDATED : OfferingLevel.ADDITIONAL;
		this.catalog.summarizeOfferings(service.getCode(), segments, level);
	}

	/** One offering per segment, each agreement once, its target one the unit can take. */
	static void check(List<OfferingTerms> terms, String list, boolean agreedForEverySegment) {
		if (terms.isEmpty()) {
			throw new InvalidInputException(list.isEmpty() ? "body" : list,
					"a service makes at least one offering");
		}
		Set<CustomerSegment> segments = new HashSet<>();
		for (int i = 0; i < terms.size(); i++) {
			OfferingTerms offering = terms.get(i);
			String at = list + "[" + i + "].";
			if (!segments.add(offering.segment())) {
				throw new InvalidInputException(at + "segment",
						"a second offering for " + offering.segment() + ": one offering per segment");
			}
			if (offering.capacity() != null && offering.level() == OfferingLevel.MANDATED) {
				throw new InvalidInputException(at + "capacity",
						"a mandated offering reaches every customer of the segment: places limit additional ones");
			}
			Set<String> metrics = new HashSet<>();
			List<AgreementTerms> agreed = offering.agreementsOrNone();
			if (agreed.isEmpty() && !agreedForEverySegment) {
				throw new InvalidInputException(at + "agreements",
						"the offering for " + offering.segment() + " needs at least one performance agreement");
			}
			for (int j = 0; j < agreed.size(); j++) {
				AgreementTerms agreement = agreed.get(j);
				String agreementAt = at + "agreements[" + j + "].";
				if (agreement.segment() != null && agreement.segment() != offering.segment()) {
					throw new InvalidInputException(agreementAt + "segment",
							"an agreement of the offering for " + offering.segment() + " holds for that segment");
				}
				if (!metrics.add(agreement.metric())) {
					throw new InvalidInputException(agreementAt + "metric",
							"a second agreement on '" + agreement.metric() + "' for " + offering.segment());
				}
				checkTarget(agreement, agreementAt);
			}
		}
	}

	/** A target or margin the unit cannot take (NaN, a percentage above 100, ...) could never be met or missed. */
	static void checkTarget(AgreementTerms terms, String at) {
		if (terms.target() != null && terms.unit() != null && !terms.unit().admits(terms.target())) {
			throw new InvalidInputException(at + "target", "must be " + terms.unit().range() + " for " + terms.unit());
		}
		if (terms.riskMargin() != null && !Double.isFinite(terms.riskMargin())) {
			throw new InvalidInputException(at + "riskMargin", "must be a finite number");
		}
	}

	private List<OfferingView> views(PmoService service, int version) {
		List<PerformanceAgreement> agreed = this.agreements
			.findByServiceIdAndServiceVersionAndActiveTrueOrderById(service.getId(), version);
		return offerings(service, version).stream()
			.map((offering) -> new OfferingView(offering.getSegment(), offering.getLevel(), offering.getCapacity(),
					offering.getDescription(), version,
					agreed.stream()
						.filter((a) -> a.getSegment() == null || a.getSegment() == offering.getSegment())
						.map(AgreementView::of)
						.toList()))
			.toList();
	}

	private PmoService open(String code) {
		PmoService service = this.catalog.find(code);
		if (service.getStage().isFinal()) {
			throw new InvalidInputException("code",
					"service " + code + " is " + service.getStage() + " and makes no offerings");
		}
		return service;
	}

	/** The offerings and agreements in words, for the history and for the board's forms. */
	static String describe(int version, List<OfferingTerms> terms) {
		StringBuilder text = new StringBuilder("Version ").append(version).append(':');
		for (OfferingTerms offering : terms) {
			text.append('\n').append(Labels.segment(offering.segment())).append(" — ")
				.append(offering.level().name().toLowerCase());
			if (offering.capacity() != null) {
				text.append(", up to ").append(offering.capacity()).append(" subscribers");
			}
			for (AgreementTerms agreement : offering.agreementsOrNone()) {
				text.append("\n  • ").append(Labels.agreement(agreement));
			}
		}
		return text.toString();
	}

	/** The offerings in force and designed, in words for the board. */
	@Transactional(readOnly = true)
	public String describeDesigned(String code) {
		PmoService service = this.catalog.find(code);
		int version = designedVersion(service);
		List<PerformanceAgreement> agreed = this.agreements
			.findByServiceIdAndServiceVersionAndActiveTrueOrderById(service.getId(), version);
		List<OfferingTerms> terms = offerings(service, version).stream()
			.map((offering) -> new OfferingTerms(offering.getSegment(), offering.getLevel(), offering.getCapacity(),
					offering.getDescription(),
					agreed.stream()
						.filter((a) -> a.getSegment() == null || a.getSegment() == offering.getSegment())
						.map(PerformanceAgreement::terms)
						.toList()))
			.toList();
		return describe(version, terms);
	}

}
