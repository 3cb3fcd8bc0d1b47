package org.pmo.servicelifecycle.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pmo.servicelifecycle.catalog.HistoryDetails;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.springframework.stereotype.Component;

/** Takes a retired service out of operation: no more reviews are planned and the history says so. */
@Component("decommissionService")
class DecommissionService implements JavaDelegate {

	private final ServiceCatalog catalog;

	DecommissionService(ServiceCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String code = execution.getProcessBusinessKey();
		this.catalog.scheduleNextReview(code, null);
		this.catalog.record(code, HistoryKind.DECOMMISSIONED,
				HistoryDetails.of(execution.getCurrentActivityName(), null));
	}

}
