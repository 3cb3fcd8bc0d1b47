package org.pmo.servicelifecycle.strategy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StrategicObjectiveRepository extends JpaRepository<StrategicObjective, Long> {

	List<StrategicObjective> findAllByOrderById();

	boolean existsByNameKey(String nameKey);

	boolean existsByNameKeyAndIdNot(String nameKey, Long id);

}
