package org.pmo.servicelifecycle.lifecycle;

import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.CUSTOMER_NOTICE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.RETIREMENT_DATE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pmo.servicelifecycle.catalog.HistoryDetails;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the service's customer segments that it retires, with the approved notice and date, and keeps the notice in
 * the service's history.
 */
@Component("notifyServiceCustomers")
class NotifyServiceCustomers implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(NotifyServiceCustomers.class);

	private final ServiceCatalog catalog;

	NotifyServiceCustomers(ServiceCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void execute(DelegateExecution execution) {
		PmoService service = this.catalog.find(execution.getProcessBusinessKey());
		String customerNotice = LifecycleVariables.text(execution, CUSTOMER_NOTICE);
		if (customerNotice == null) {
			// retried, then an incident in Cockpit: someone has to give the notice before customers are told
			throw new IllegalStateException("No notice to send to the customers of " + service.getCode()
					+ ": set the variable customerNotice on the retirement, then retry the job");
		}
		Object retirementDate = execution.getVariable(RETIREMENT_DATE);
		String notice = "To " + service.getCustomerSegments() + ": " + service.getName() + " retires"
				+ ((retirementDate != null) ? " on " + retirementDate : "") + ". " + customerNotice;
		log.info("Retirement notice for {}: {}", service.getCode(), notice);
		this.catalog.record(service.getCode(), HistoryKind.CUSTOMERS_NOTIFIED,
				new HistoryDetails(execution.getCurrentActivityName(), null, null, notice));
	}

}
