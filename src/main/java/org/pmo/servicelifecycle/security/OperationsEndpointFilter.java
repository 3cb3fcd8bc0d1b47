package org.pmo.servicelifecycle.security;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.pmo.servicelifecycle.identity.Groups;
import org.springframework.web.filter.OncePerRequestFilter;

/** The metrics endpoint is for operations: administrators and PMO managers, authenticated by HTTP Basic. */
class OperationsEndpointFilter extends OncePerRequestFilter {

	static final String METRICS_PATH = "/actuator/prometheus";

	static final Set<String> OPERATIONS_GROUPS = Set.of(Groups.CAMUNDA_ADMIN, Groups.PMO_MANAGERS);

	private final IdentityService identityService;

	OperationsEndpointFilter(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.identityService.getCurrentAuthentication();
		List<String> groups = (authentication != null && authentication.getGroupIds() != null)
				? authentication.getGroupIds() : List.of();
		if (groups.stream().noneMatch(OPERATIONS_GROUPS::contains)) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN, "Metrics are for administrators and PMO managers");
			return;
		}
		chain.doFilter(request, response);
	}

}
