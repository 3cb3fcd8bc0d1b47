package org.pmo.servicelifecycle.strategy;

import org.springframework.data.jpa.repository.JpaRepository;

interface CapacityPlanRepository extends JpaRepository<CapacityPlan, Integer> {
}
