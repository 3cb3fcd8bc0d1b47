package org.pmo.servicelifecycle.strategy;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BusinessCaseRepository extends JpaRepository<BusinessCaseRecord, Long> {

	/** The effort and cost of the business cases of the services in these stages, summed in one statement. */
	// SQL rather than JPQL: parsing JPQL costs seconds at start-up on a cold JVM
	@Query(nativeQuery = true, value = """
			select coalesce(sum(b.effort_days), 0) as "effortDays", coalesce(sum(b.annual_cost), 0) as "annualCost",
			       count(*) as "services"
			from business_case b join pmo_service s on s.id = b.service_id where s.stage in (:stages)""")
	CommittedLoad committedIn(@Param("stages") Collection<String> stages);

	/** The services that these services require, one row per requirement. */
	@Query(nativeQuery = true, value = """
			select d.service_id as "service", d.other_service as "required" from business_case_dependency d
			where d.kind = 'REQUIRES' and d.service_id in (:services)""")
	List<Requirement> requirementsOf(@Param("services") Collection<Long> services);

	/** A row of {@link #requirementsOf(Collection)}. */
	interface Requirement {

		long getService();

		long getRequired();

	}

	/** A row of {@link #committedIn(Collection)}. */
	interface CommittedLoad {

		double getEffortDays();

		double getAnnualCost();

		long getServices();

	}

}
