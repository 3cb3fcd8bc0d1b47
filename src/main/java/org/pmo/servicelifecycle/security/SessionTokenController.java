package org.pmo.servicelifecycle.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.pmo.servicelifecycle.web.ApiOperation;
import org.pmo.servicelifecycle.web.ApiPermission;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webapps' CSRF token of the caller's session, for the portfolio's pages to send with their changes. Another
 * site cannot read this answer (no cross-origin reads are allowed), so it cannot forge a change.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Session")
class SessionTokenController {

	@GetMapping("/api/session/token")
	@ApiPermission(ApiOperation.SESSION_TOKEN)
	ResponseEntity<Map<String, String>> token(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object token = (session != null) ? session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) : null;
		if (!(token instanceof String given)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "no webapp session with a token"));
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("token", given));
	}

}
