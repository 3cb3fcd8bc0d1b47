package org.pmo.servicelifecycle.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PmoServiceRepository extends JpaRepository<PmoService, Long> {

	Optional<PmoService> findByCode(String code);

	List<PmoService> findByStageOrderByCode(Stage stage, Pageable page);

	List<PmoService> findAllByOrderByCode(Pageable page);

	List<PmoService> findByRequestedByOrderByCode(String requestedBy, Pageable page);

	long countByStage(Stage stage);

	long countByNextReviewDueBefore(Instant horizon);

	@Query("select s.stage as stage, count(s) as services from PmoService s group by s.stage")
	List<StageCount> countPerStage();

	List<PmoService> findByStageInOrderByCode(Collection<Stage> stages, Pageable page);

	/** A row of {@link #countPerStage()}. */
	interface StageCount {

		Stage getStage();

		long getServices();

	}

}
