package org.pmo.servicelifecycle.review;

import static org.pmo.servicelifecycle.review.ReviewDecisions.SEGMENT_COUNT;
import static org.pmo.servicelifecycle.review.ReviewDecisions.STRATEGIC_FIT;
import static org.pmo.servicelifecycle.review.ReviewDecisions.VALUE_TO_ORGANISATION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.springframework.stereotype.Component;

/**
 * Gathers the inputs of the decision {@code service-value} once the need is evaluated: the evaluation's figures and
 * how many customer segments the catalog lists. The model calls it as {@code ${serviceValueInputs.gather(execution)}}.
 */
@Component("serviceValueInputs")
public class ServiceValueInputs {

	static final String OFFERING_LEVEL = "offeringLevel";

	private final ServiceCatalog catalog;

	ServiceValueInputs(ServiceCatalog catalog) {
		this.catalog = catalog;
	}

	public void gather(DelegateExecution execution) {
		execution.setVariable(SEGMENT_COUNT,
				this.catalog.find(execution.getProcessBusinessKey()).getCustomerSegments().size());
		for (String input : new String[] { STRATEGIC_FIT, VALUE_TO_ORGANISATION, OFFERING_LEVEL }) {
			if (!execution.hasVariable(input)) {
				execution.setVariable(input, null);
			}
		}
	}

}
