package org.pmo.servicelifecycle.agreement;

import java.util.Collection;
import java.util.List;

import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.Stage;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface OfferingRepository extends JpaRepository<Offering, Long> {

	@Query("""
			select s from PmoService s where s.stage in ?2 and (
			  exists (select o.id from Offering o where o.serviceId = s.id and o.serviceVersion = s.serviceVersion
			          and o.segment = ?1 and o.level = org.pmo.servicelifecycle.catalog.OfferingLevel.MANDATED)
			  or (s.offeringLevel = org.pmo.servicelifecycle.catalog.OfferingLevel.MANDATED and ?1 member of s.customerSegments
			      and not exists (select o.id from Offering o where o.serviceId = s.id and o.serviceVersion = s.serviceVersion)))
			order by s.code""")
	List<PmoService> mandatedFor(CustomerSegment segment, Collection<Stage> stages);

	List<Offering> findByServiceIdAndServiceVersionOrderBySegment(Long serviceId, int serviceVersion);

	@Modifying(flushAutomatically = true)
	@Query("delete from Offering o where o.serviceId = ?1 and o.serviceVersion = ?2")
	void deleteVersion(Long serviceId, int serviceVersion);

}
