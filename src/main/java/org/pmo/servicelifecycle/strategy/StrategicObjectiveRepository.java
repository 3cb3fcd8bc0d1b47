package org.pmo.servicelifecycle.strategy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StrategicObjectiveRepository extends JpaRepository<StrategicObjective, Long> {

	List<StrategicObjective> findAllByOrderById();

	boolean existsByNameIgnoreCase(String name);

	boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);

}
