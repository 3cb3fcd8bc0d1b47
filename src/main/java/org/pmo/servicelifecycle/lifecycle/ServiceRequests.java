package org.pmo.servicelifecycle.lifecycle;

import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.CUSTOMER_SEGMENTS;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.OFFERING_LEVEL;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.SERVICE_DESCRIPTION;
import static org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Variables.SERVICE_NAME;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Raises service requests: starts a lifecycle, which registers the service in the catalog. */
@Service
public class ServiceRequests {

	private final RuntimeService runtimeService;

	private final ServiceCatalog catalog;

	ServiceRequests(RuntimeService runtimeService, ServiceCatalog catalog) {
		this.runtimeService = runtimeService;
		this.catalog = catalog;
	}

	/** The variables a request carries, shaped as Tasklist's start form submits them. */
	public static VariableMap variablesOf(ServiceRequest request) {
		return Variables.createVariables()
			.putValue(SERVICE_NAME, request.name())
			.putValue(SERVICE_DESCRIPTION, request.description())
			.putValueTyped(CUSTOMER_SEGMENTS,
					SpinValues.jsonValue(Spin.JSON(request.customerSegments().stream().map(Enum::name).sorted().toList()))
						.create())
			.putValue(OFFERING_LEVEL, request.offeringLevelOrDefault().name());
	}

	@Transactional
	public PmoService request(ServiceRequest request) {
		ProcessInstance lifecycle = this.runtimeService.startProcessInstanceByKey(ServiceLifecycleProcess.KEY,
				variablesOf(request));
		return this.catalog.find(lifecycle.getBusinessKey());
	}

}
