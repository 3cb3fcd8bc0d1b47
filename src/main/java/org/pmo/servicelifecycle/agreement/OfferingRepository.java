package org.pmo.servicelifecycle.agreement;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;
import org.pmo.servicelifecycle.catalog.PmoService;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface OfferingRepository extends JpaRepository<Offering, Long> {

	// SQL rather than JPQL: parsing JPQL costs seconds at start-up on a cold JVM. Two branches rather than one OR:
	// the first reads the segment's mandated offerings by index, the second the services without offerings rows
	@Query(nativeQuery = true, value = """
			select s.* from service_offering o
			join pmo_service s on s.id = o.service_id and s.service_version = o.service_version
			where o.segment = ?1 and o.offering_level = 'MANDATED' and s.stage in (?2)
			union
			select s.* from pmo_service s
			join pmo_service_segment g on g.service_id = s.id and g.segment = ?1
			where s.offering_level = 'MANDATED' and s.stage in (?2)
			  and not exists (select 1 from service_offering x where x.service_id = s.id
			                  and x.service_version = s.service_version)
			order by code""")
	List<PmoService> mandatedFor(String segment, Collection<String> stages);

	// walks the services in code order and stops at the limit: each row's offering is looked up by its unique key
	@Query(nativeQuery = true, value = """
			select s.code as "code", s.name as "name",
			  (select o.capacity from service_offering o where o.service_id = s.id
			   and o.service_version = s.service_version and o.segment = ?1) as "capacity"
			from pmo_service s where s.stage in (?2) and (
			  exists (select 1 from service_offering o where o.service_id = s.id and o.service_version = s.service_version
			          and o.segment = ?1 and o.offering_level = 'ADDITIONAL')
			  or (s.offering_level = 'ADDITIONAL'
			      and exists (select 1 from pmo_service_segment g where g.service_id = s.id and g.segment = ?1)
			      and not exists (select 1 from service_offering x where x.service_id = s.id
			                      and x.service_version = s.service_version)))
			order by s.code limit ?3""")
	List<OpenOffer> additionalFor(String segment, Collection<String> stages, int limit);

	/** A service's additional offering to a segment: the service and the places it has (null: no limit). */
	interface OpenOffer {

		String getCode();

		String getName();

		Integer getCapacity();

	}

	// SQL: every design, go-live and review reads a version's offerings (see PerformanceAgreementRepository)
	@QueryHints(@QueryHint(name = HibernateHints.HINT_NATIVE_SPACES, value = "service_offering"))
	@Query(nativeQuery = true, value = """
			select * from service_offering where service_id = ?1 and service_version = ?2 order by segment""")
	List<Offering> findByServiceIdAndServiceVersionOrderBySegment(Long serviceId, int serviceVersion);

	@Modifying(flushAutomatically = true)
	@Query(value = "delete from service_offering where service_id = ?1 and service_version = ?2", nativeQuery = true)
	void deleteVersion(Long serviceId, int serviceVersion);

}
