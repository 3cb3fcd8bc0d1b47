package org.pmo.servicelifecycle.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.pmo.servicelifecycle.catalog.HistoryDetails;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceTerms;
import org.pmo.servicelifecycle.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes how often a service is reviewed. The review already planned stays; the engine reads the new cycle when
 * that timer fires ({@code reevaluateTimeCycleWhenDue}), so the new cycle applies from the next review on.
 */
@Service
public class ReviewCycles {

	/** A shorter cycle would flood the PMO managers with reviews. */
	static final Duration SHORTEST_CYCLE = Duration.ofDays(1);

	private final ServiceCatalog catalog;

	private final RuntimeService runtimeService;

	private final Clock clock;

	private final ApplicationAuthority application;

	private final TimerCalendar calendar;

	ReviewCycles(ServiceCatalog catalog, RuntimeService runtimeService, Clock clock, ApplicationAuthority application,
			TimerCalendar calendar) {
		this.application = application;
		this.calendar = calendar;
		this.catalog = catalog;
		this.runtimeService = runtimeService;
		this.clock = clock;
	}

	@Transactional
	public PmoService change(String code, String reviewCycle, String actor) {
		PmoService service = this.catalog.find(code);
		if (service.getStage().isFinal()) {
			throw new InvalidInputException("code",
					"service " + code + " is " + service.getStage() + " and has no reviews any more");
		}
		String cycle = (reviewCycle != null) ? reviewCycle.strip() : "";
		if (cycle.isEmpty()) {
			throw new InvalidInputException(ServiceLifecycleProcess.Variables.REVIEW_CYCLE, "must not be blank");
		}
		Instant now = this.clock.instant();
		if (!this.calendar.isRepeatingInterval(cycle)
				|| this.calendar.dueAfter(cycle, now).isBefore(now.plus(SHORTEST_CYCLE))) {
			throw new InvalidInputException(ServiceLifecycleProcess.Variables.REVIEW_CYCLE, "'" + cycle
					+ "' is not an ISO-8601 repeating interval of a day or more, such as R/P1M or R/P3M");
		}
		String previous = service.getReviewCycle();
		if (cycle.equals(previous)) {
			return service;
		}
		this.catalog.updateTerms(code, new ServiceTerms(null, null, cycle, null));
		// the lifecycle's timer reads the variable; a transformation under way carries it into the new version
		this.application.run(() -> {
			for (ProcessInstance instance : this.runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKey(code)
				.processDefinitionKeyIn(ServiceLifecycleProcess.KEY, ServiceLifecycleProcess.TRANSFORM_KEY)
				.list()) {
				this.runtimeService.setVariable(instance.getId(), ServiceLifecycleProcess.Variables.REVIEW_CYCLE, cycle);
			}
		});
		this.catalog.record(code, HistoryKind.REVIEW_CYCLE_CHANGED, new HistoryDetails("Review cycle", null, actor,
				"Review cycle " + previous + " changed to " + cycle + ", from the next review on"));
		return this.catalog.find(code);
	}

}
