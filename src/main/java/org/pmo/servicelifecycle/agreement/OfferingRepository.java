package org.pmo.servicelifecycle.agreement;

import java.util.Collection;
import java.util.List;

import org.pmo.servicelifecycle.catalog.PmoService;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface OfferingRepository extends JpaRepository<Offering, Long> {

	// SQL rather than JPQL: parsing JPQL costs seconds at start-up on a cold JVM
	@Query(nativeQuery = true, value = """
			select s.* from pmo_service s where s.stage in (?2) and (
			  exists (select 1 from service_offering o where o.service_id = s.id and o.service_version = s.service_version
			          and o.segment = ?1 and o.offering_level = 'MANDATED')
			  or (s.offering_level = 'MANDATED'
			      and exists (select 1 from pmo_service_segment g where g.service_id = s.id and g.segment = ?1)
			      and not exists (select 1 from service_offering o where o.service_id = s.id
			                      and o.service_version = s.service_version)))
			order by s.code""")
	List<PmoService> mandatedFor(String segment, Collection<String> stages);

	List<Offering> findByServiceIdAndServiceVersionOrderBySegment(Long serviceId, int serviceVersion);

	@Modifying(flushAutomatically = true)
	@Query(value = "delete from service_offering where service_id = ?1 and service_version = ?2", nativeQuery = true)
	void deleteVersion(Long serviceId, int serviceVersion);

}
