package org.pmo.servicelifecycle.lifecycle;

import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.CUSTOMER_SEGMENTS;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.OFFERING_LEVEL;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.PILOT_PERIOD;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.REQUESTED_BY;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.REVIEW_CYCLE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.SERVICE_CODE;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.SERVICE_DESCRIPTION;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.SERVICE_NAME;

import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.springframework.stereotype.Component;

/**
 * Puts a new lifecycle's service request into the catalog, whichever way it was raised (REST API, Tasklist start
 * form, engine REST), and makes the catalog's code the instance's business key.
 */
@Component("registerServiceRequest")
class RegisterServiceRequest implements ExecutionListener {

	private final ServiceCatalog catalog;

	RegisterServiceRequest(ServiceCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String businessKey = execution.getProcessBusinessKey();
		if (businessKey != null && !businessKey.isBlank()) {
			throw new InvalidLifecycleInputException("businessKey",
					"leave it empty, the catalog gives each service its code");
		}
		ServiceRequest request = new ServiceRequest(LifecycleVariables.text(execution, SERVICE_NAME),
				LifecycleVariables.text(execution, SERVICE_DESCRIPTION),
				LifecycleVariables.enumSet(execution, CUSTOMER_SEGMENTS, CustomerSegment.class),
				LifecycleVariables.enumValue(execution, OFFERING_LEVEL, OfferingLevel.class));
		PmoService service;
		try {
			service = this.catalog.register(request, LifecycleVariables.text(execution, REQUESTED_BY));
		}
		catch (ConstraintViolationException ex) {
			var violation = ex.getConstraintViolations().iterator().next();
			throw new InvalidLifecycleInputException(variableOf(violation.getPropertyPath().toString()),
					violation.getMessage());
		}
		execution.setProcessBusinessKey(service.getCode());
		execution.setVariable(SERVICE_CODE, service.getCode());
		this.catalog.linkLifecycle(service.getCode(), execution.getProcessInstanceId());
		execution.setVariable(OFFERING_LEVEL, service.getOfferingLevel().name());
		// the timers read these; a request starts with the catalog's defaults
		if (execution.getVariable(PILOT_PERIOD) == null) {
			execution.setVariable(PILOT_PERIOD, service.getPilotPeriod());
		}
		if (execution.getVariable(REVIEW_CYCLE) == null) {
			execution.setVariable(REVIEW_CYCLE, service.getReviewCycle());
		}
	}

	/** Names the form field, not the Java property, in the error a requester sees. */
	private static String variableOf(String property) {
		if (property.startsWith("name")) {
			return SERVICE_NAME;
		}
		if (property.startsWith("description")) {
			return SERVICE_DESCRIPTION;
		}
		return property.startsWith("customerSegments") ? CUSTOMER_SEGMENTS : property;
	}

}
