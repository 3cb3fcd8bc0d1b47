package org.pmo.servicelifecycle.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pmo.servicelifecycle.catalog.HistoryDetails;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.springframework.stereotype.Component;

/** A transformed service goes live: the catalog counts it as the next version. */
@Component("releaseServiceVersion")
class ReleaseServiceVersion implements JavaDelegate {

	private final ServiceCatalog catalog;

	ReleaseServiceVersion(ServiceCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int version = this.catalog.releaseNextVersion(execution.getProcessBusinessKey(),
				HistoryDetails.of(execution.getCurrentActivityName(), null));
		execution.setVariable(ServiceLifecycleProcess.Variables.RELEASED_VERSION, version);
	}

}
