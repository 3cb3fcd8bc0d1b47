package org.pmo.servicelifecycle.customer;

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

}
