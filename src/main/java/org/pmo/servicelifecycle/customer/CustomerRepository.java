package org.pmo.servicelifecycle.customer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

	List<Customer> findAllByOrderByName();

	boolean existsByNameKey(String nameKey);

	@Query("select c from Customer c join c.members m where m = ?1")
	Optional<Customer> findByMember(String userId);

}
