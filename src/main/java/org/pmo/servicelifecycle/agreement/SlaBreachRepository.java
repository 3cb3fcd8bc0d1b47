package org.pmo.servicelifecycle.agreement;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SlaBreachRepository extends JpaRepository<SlaBreach, Long> {

	java.util.Optional<SlaBreach> findByAgreementIdAndPeriodStart(Long agreementId, LocalDate periodStart);

	List<SlaBreach> findByAgreementIdIn(List<Long> agreementIds);

}
