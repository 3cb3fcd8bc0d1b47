package org.pmo.servicelifecycle.notice;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NoticeRepository extends JpaRepository<Notice, Long> {

	List<Notice> findByServiceIdOrderByCreatedAtDescIdDesc(Long serviceId);

	List<Notice> findByOriginOrderById(String origin);

}
