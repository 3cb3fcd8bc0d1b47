package org.pmo.servicelifecycle.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PmoServiceRepository extends JpaRepository<PmoService, Long> {

	Optional<PmoService> findByCode(String code);

	List<PmoService> findByStageOrderByCode(Stage stage, Pageable page);

	List<PmoService> findAllByOrderByCode(Pageable page);

	long countByStage(Stage stage);

}
