package org.pmo.servicelifecycle.notice;

import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.CUSTOMER_NOTICE;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pmo.servicelifecycle.catalog.HistoryDetails;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.lifecycle.RetirementDates;
import org.springframework.stereotype.Component;

/**
 * The retirement's step that tells the customers, at the approval, that the service retires on its date, with the
 * approved notice; each customer's contact gets it, and the service's history keeps it.
 */
@Component("notifyServiceCustomers")
class NotifyServiceCustomers implements JavaDelegate {

	private final ServiceCatalog catalog;

	private final CustomerNotices notices;

	private final RetirementDates retirementDates;

	NotifyServiceCustomers(ServiceCatalog catalog, CustomerNotices notices, RetirementDates retirementDates) {
		this.catalog = catalog;
		this.notices = notices;
		this.retirementDates = retirementDates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		PmoService service = this.catalog.find(execution.getProcessBusinessKey());
		Object given = execution.getVariable(CUSTOMER_NOTICE);
		if (!(given instanceof String customerNotice) || customerNotice.isBlank()) {
			// retried, then an incident in Cockpit: someone has to give the notice before customers are told
			throw new IllegalStateException("No notice to send to the customers of " + service.getCode()
					+ ": set the variable customerNotice on the retirement, then retry the job");
		}
		LocalDate retirementDate = this.retirementDates.dateOf(execution);
		String notice = "To " + service.getCustomerSegments() + ": " + service.getName() + " retires on "
				+ retirementDate + ". " + customerNotice;
		List<Notice> sent = this.notices.notify(CustomerNotices.originOf(execution), service, NoticeKind.RETIREMENT,
				null, service.getName() + " retires on " + retirementDate, notice);
		this.catalog.record(service.getCode(), HistoryKind.CUSTOMERS_NOTIFIED,
				new HistoryDetails(execution.getCurrentActivityName(), null, null,
						notice + " (" + sent.size() + " customer(s) told)"));
	}

}
