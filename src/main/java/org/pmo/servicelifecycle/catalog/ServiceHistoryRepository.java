package org.pmo.servicelifecycle.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceHistoryRepository extends JpaRepository<ServiceHistoryEntry, Long> {

	List<ServiceHistoryEntry> findByServiceIdOrderByOccurredAtAscIdAsc(Long serviceId);

	Optional<ServiceHistoryEntry> findFirstByServiceIdAndKindAndDecisionInOrderByOccurredAtDescIdDesc(Long serviceId,
			HistoryKind kind, Collection<String> decisions);

}
