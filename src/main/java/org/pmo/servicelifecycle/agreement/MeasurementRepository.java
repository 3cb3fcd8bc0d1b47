package org.pmo.servicelifecycle.agreement;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MeasurementRepository extends JpaRepository<Measurement, Long> {

	List<Measurement> findByAgreementIdAndPeriodStart(Long agreementId, LocalDate periodStart);

	List<Measurement> findByAgreementIdAndPeriodStartGreaterThanEqualOrderByPeriodStart(Long agreementId,
			LocalDate from);

}
