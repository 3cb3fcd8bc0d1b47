package org.pmo.servicelifecycle.strategy;

import org.springframework.data.jpa.repository.JpaRepository;

interface BusinessCaseRepository extends JpaRepository<BusinessCaseRecord, Long> {
}
