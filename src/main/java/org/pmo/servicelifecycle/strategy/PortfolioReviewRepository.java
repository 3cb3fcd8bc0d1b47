package org.pmo.servicelifecycle.strategy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface PortfolioReviewRepository extends JpaRepository<PortfolioReview, Long> {

	List<PortfolioReview> findAllByOrderByIdDesc(Pageable page);

	Optional<PortfolioReview> findByProcessInstanceId(String processInstanceId);

	Optional<PortfolioReview> findFirstByStatusOrderByIdDesc(PortfolioReview.Status status);

	Optional<PortfolioReview> findFirstByStatusAndIdLessThanOrderByIdDesc(PortfolioReview.Status status, Long id);

}
