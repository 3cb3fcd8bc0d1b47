package org.pmo.servicelifecycle.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.web.ApiAccessDeniedException;
import org.pmo.servicelifecycle.web.ApiPermission;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a call of the catalog API through when the authenticated user's groups allow the endpoint's
 * {@link ApiOperation}; the user and his groups are those HTTP Basic authentication gave the engine. Deny by
 * default: an endpoint that names no operation refuses everybody.
 */
class ApiAccessInterceptor implements HandlerInterceptor {

	private final ApplicationAuthority application;

	ApiAccessInterceptor(ApplicationAuthority application) {
		this.application = application;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		String user = this.application.currentUserId();
		ApiPermission permission = method.getMethodAnnotation(ApiPermission.class);
		if (permission == null) {
			throw new ApiAccessDeniedException("This endpoint is not open to anybody");
		}
		if (user == null || !permission.value().allows(this.application.currentGroupIds())) {
			throw new ApiAccessDeniedException("User '" + user + "' may not " + permission.value().description()
					+ "; that needs membership of one of " + permission.value().groups().stream().sorted().toList());
		}
		return true;
	}

}
