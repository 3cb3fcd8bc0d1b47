package org.pmo.servicelifecycle.strategy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ObjectiveChangeRepository extends JpaRepository<ObjectiveChange, Long> {

	List<ObjectiveChange> findByObjectiveIdOrderByRevision(Long objectiveId);

}
