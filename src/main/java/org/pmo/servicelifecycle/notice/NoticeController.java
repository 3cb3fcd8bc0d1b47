package org.pmo.servicelifecycle.notice;

import java.util.List;

import org.pmo.servicelifecycle.web.ApiOperation;
import org.pmo.servicelifecycle.web.ApiPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The outbox of a service: every notice its customers were given, newest first. */
@RestController
class NoticeController {

	private final CustomerNotices notices;

	NoticeController(CustomerNotices notices) {
		this.notices = notices;
	}

	@GetMapping("/api/services/{code}/notices")
	@ApiPermission(ApiOperation.READ_NOTICES)
	List<NoticeView> notices(@PathVariable String code) {
		return this.notices.outbox(code);
	}

}
