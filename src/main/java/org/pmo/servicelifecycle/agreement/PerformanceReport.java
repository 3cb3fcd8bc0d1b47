package org.pmo.servicelifecycle.agreement;

import java.util.List;

/** How a service stands against its agreements over the last periods. */
public record PerformanceReport(String code, int version, Attainment health, List<AgreementPerformance> agreements) {

	/** One agreement's recent periods, newest first; {@code status} is that of the newest measured period. */
	public record AgreementPerformance(AgreementView agreement, Attainment status, List<PeriodFigure> periods) {
	}

	/** The mean of a period's measurements and how it stands against the target. */
	public record PeriodFigure(String period, double value, int measurements, Attainment attainment) {
	}

}
