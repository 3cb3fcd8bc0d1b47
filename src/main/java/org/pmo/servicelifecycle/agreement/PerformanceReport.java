package org.pmo.servicelifecycle.agreement;

import java.util.List;

import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.OfferingLevel;

/**
 * How a service stands against its agreements over the last periods: per agreement, per offering, and for the
 * service ({@code health}, the worst of its agreements).
 */
public record PerformanceReport(String code, int version, Attainment health, List<AgreementPerformance> agreements,
		List<OfferingPerformance> offerings) {

	/** The report with the figures taken for customers other than {@code customer} (null: for none) left out. */
	public PerformanceReport onlyFor(Long customer) {
		List<AgreementPerformance> rows = this.agreements.stream()
			.map((row) -> new AgreementPerformance(row.agreement(), row.status(), row.periods(), row.warning(),
					row.customers().stream().filter((figure) -> customer != null && figure.customer() == customer).toList()))
			.toList();
		return new PerformanceReport(this.code, this.version, this.health, rows, this.offerings);
	}

	/**
	 * One agreement's recent periods, newest first; {@code status} is that of the newest measured period,
	 * {@code warning} says why a met agreement is at risk; {@code customers}: the newest period per customer named by
	 * its measurements.
	 */
	public record AgreementPerformance(AgreementView agreement, Attainment status, List<PeriodFigure> periods,
			String warning, List<CustomerFigure> customers) {
	}

	/** The mean of a period's measurements and how it stands against the target. */
	public record PeriodFigure(String period, double value, int measurements, Attainment attainment) {
	}

	/** The newest period's mean of the measurements taken for one customer. */
	public record CustomerFigure(long customer, String name, String period, double value, Attainment attainment) {
	}

	/** An offering's attainment: the worst of the agreements that hold for it; null while none is measured. */
	public record OfferingPerformance(CustomerSegment segment, OfferingLevel level, Attainment attainment) {
	}

}
