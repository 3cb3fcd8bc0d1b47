package org.pmo.servicelifecycle.agreement;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PerformanceAgreementRepository extends JpaRepository<PerformanceAgreement, Long> {

	List<PerformanceAgreement> findByServiceIdAndServiceVersionOrderById(Long serviceId, int serviceVersion);

	List<PerformanceAgreement> findByServiceIdInAndActiveTrueOrderById(Collection<Long> serviceIds);

	List<PerformanceAgreement> findByServiceIdAndServiceVersionAndActiveTrueOrderById(Long serviceId,
			int serviceVersion);

}
