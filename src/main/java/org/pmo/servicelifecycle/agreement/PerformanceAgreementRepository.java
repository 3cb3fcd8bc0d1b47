package org.pmo.servicelifecycle.agreement;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface PerformanceAgreementRepository extends JpaRepository<PerformanceAgreement, Long> {

	// SQL for the lookups of one service's version that every design, go-live and review makes: a derived query
	// builds its criteria and Hibernate translates them to SQL anew on every call, where an SQL query's plan is kept.
	// The table named as the query's space: pending changes are flushed first only when they touch it, as before
	@QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "performance_agreement"))
	@Query(nativeQuery = true, value = """
			select * from performance_agreement where service_id = ?1 and service_version = ?2 order by id""")
	List<PerformanceAgreement> findByServiceIdAndServiceVersionOrderById(Long serviceId, int serviceVersion);

	List<PerformanceAgreement> findByServiceIdInAndActiveTrueOrderById(Collection<Long> serviceIds);

	@QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "performance_agreement"))
	@Query(nativeQuery = true, value = """
			select * from performance_agreement where service_id = ?1 and service_version = ?2 and active = true
			order by id""")
	List<PerformanceAgreement> findByServiceIdAndServiceVersionAndActiveTrueOrderById(Long serviceId,
			int serviceVersion);

}
