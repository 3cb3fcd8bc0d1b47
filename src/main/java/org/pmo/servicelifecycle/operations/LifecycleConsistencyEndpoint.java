package org.pmo.servicelifecycle.operations;

import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/lifecycleconsistency}: whether every catalog stage agrees with its lifecycle in the engine,
 * and the services where it does not. Administrators only (see the actuator authentication in {@code security}).
 */
@Component
@WebEndpoint(id = "lifecycleconsistency")
class LifecycleConsistencyEndpoint {

	private final LifecycleConsistency consistency;

	private final ApplicationAuthority application;

	LifecycleConsistencyEndpoint(LifecycleConsistency consistency, ApplicationAuthority application) {
		this.consistency = consistency;
		this.application = application;
	}

	/** The administrator may see everything; the check reads every lifecycle, beyond the query result limit. */
	@ReadOperation
	LifecycleConsistency.Report check() {
		return this.application.call(this.consistency::check);
	}

}
