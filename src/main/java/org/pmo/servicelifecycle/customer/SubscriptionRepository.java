package org.pmo.servicelifecycle.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubscriptionRepository extends JpaRepository<Subscription, Long> {

	List<Subscription> findByCustomerIdOrderById(Long customerId);

	Optional<Subscription> findFirstByCustomerIdAndServiceIdAndSegmentAndStatusIn(Long customerId, Long serviceId,
			CustomerSegment segment, Collection<SubscriptionStatus> statuses);

	long countByServiceIdAndSegmentAndStatus(Long serviceId, CustomerSegment segment, SubscriptionStatus status);

	boolean existsByCustomerIdAndServiceIdAndSegmentAndStatus(Long customerId, Long serviceId, CustomerSegment segment,
			SubscriptionStatus status);

}
