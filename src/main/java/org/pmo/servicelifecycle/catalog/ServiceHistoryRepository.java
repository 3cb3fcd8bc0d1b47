package org.pmo.servicelifecycle.catalog;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceHistoryRepository extends JpaRepository<ServiceHistoryEntry, Long> {

	List<ServiceHistoryEntry> findByServiceIdOrderByOccurredAtAscIdAsc(Long serviceId);

}
