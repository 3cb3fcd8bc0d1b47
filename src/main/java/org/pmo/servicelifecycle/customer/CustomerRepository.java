package org.pmo.servicelifecycle.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

	List<Customer> findAllByOrderByName();

	boolean existsByNameKey(String nameKey);

	@Query(value = "select c.* from customer c join customer_member m on m.customer_id = c.id where m.user_id = ?1",
			nativeQuery = true)
	Optional<Customer> findByMember(String userId);

	/**
	 * The customers of the mandated segments, and those of the additional segments with an active subscription to
	 * the service for their segment, by name. An empty set of segments is passed as {@code [""]}.
	 */
	@Query(nativeQuery = true, value = """
			select c.* from customer c where c.segment in (?2)
			  or (c.segment in (?3) and exists (select 1 from subscription s where s.customer_id = c.id
			      and s.service_id = ?1 and s.segment = c.segment and s.status = 'ACTIVE'))
			order by c.name""")
	List<Customer> receiving(long serviceId, Collection<String> mandatedSegments, Collection<String> additionalSegments);

}
