package org.pmo.servicelifecycle.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PmoServiceRepository extends JpaRepository<PmoService, Long> {

	Optional<PmoService> findByCode(String code);

	List<PmoService> findByStageOrderByCode(Stage stage, Pageable page);

	List<PmoService> findAllByOrderByCode(Pageable page);

	long countByStage(Stage stage);

	long countByNextReviewDueBefore(Instant horizon);

	// SQL rather than JPQL here and in the other repositories: parsing JPQL costs seconds at start-up on a cold JVM
	@Query(value = "select stage as \"stage\", count(*) as \"services\" from pmo_service group by stage", nativeQuery = true)
	List<StageCount> countPerStage();

	List<PmoService> findByStageInOrderByCode(Collection<Stage> stages, Pageable page);

	@Query(value = "select code as \"code\", name as \"name\" from pmo_service where stage in (:stages) order by code",
			nativeQuery = true)
	List<ServiceName> namesInStages(@Param("stages") Collection<String> stages);

	@Query(value = "select code as \"code\", name as \"name\", stage as \"stage\" from pmo_service "
			+ "where requested_by = ?1 order by code limit ?2", nativeQuery = true)
	List<RequestRow> requestsOf(String userId, int limit);

	/** A row of {@link #requestsOf(String, int)}: a request as its requester's page lists it. */
	interface RequestRow {

		String getCode();

		String getName();

		/** The stage as stored: {@link Stage#name()}. */
		String getStage();

	}

	/** A row of {@link #namesInStages(Collection)}: what a list of choices shows of a service. */
	interface ServiceName {

		String getCode();

		String getName();

	}

	/** A row of {@link #countPerStage()}. */
	interface StageCount {

		Stage getStage();

		long getServices();

	}

}
