package org.pmo.servicelifecycle.agreement;

import org.pmo.servicelifecycle.catalog.CustomerSegment;

/** An agreement as the REST API shows it. */
public record AgreementView(Long id, int serviceVersion, CustomerSegment segment, String metric, MetricUnit unit,
		Direction direction, double target, MeasurementPeriod period, String description, Double riskMargin) {

	static AgreementView of(PerformanceAgreement agreement) {
		return new AgreementView(agreement.getId(), agreement.getServiceVersion(), agreement.getSegment(),
				agreement.getMetric(), agreement.getUnit(), agreement.getDirection(), agreement.getTarget(),
				agreement.getPeriod(), agreement.getDescription(), agreement.getRiskMargin());
	}

}
