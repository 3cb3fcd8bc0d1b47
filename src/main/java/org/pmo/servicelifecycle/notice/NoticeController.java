package org.pmo.servicelifecycle.notice;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.http.ResponseEntity;
import org.pmo.servicelifecycle.web.Paging;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

import org.pmo.servicelifecycle.web.ApiOperation;
import org.pmo.servicelifecycle.web.ApiPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The outbox of a service: every notice its customers were given, newest first. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Notices")
class NoticeController {

	private final CustomerNotices notices;

	NoticeController(CustomerNotices notices) {
		this.notices = notices;
	}

	@GetMapping("/api/services/{code}/notices")
	@ApiPermission(ApiOperation.READ_NOTICES)
	ResponseEntity<List<NoticeView>> notices(@PathVariable String code, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, HttpServletRequest request) {
		return Paging.slice(this.notices.outbox(code), page, size, request);
	}

}
