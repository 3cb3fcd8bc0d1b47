package org.pmo.servicelifecycle.portfolio;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.pmo.servicelifecycle.agreement.AgreementBook;
import org.pmo.servicelifecycle.agreement.OfferingBook;
import org.pmo.servicelifecycle.agreement.OfferingView;
import org.pmo.servicelifecycle.agreement.PerformanceReport;
import org.pmo.servicelifecycle.catalog.HistoryView;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceView;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.customer.Customer;
import org.pmo.servicelifecycle.customer.Customers;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.ApplicationAuthority;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement;
import org.pmo.servicelifecycle.notice.CustomerNotices;
import org.pmo.servicelifecycle.notice.NoticeView;
import org.pmo.servicelifecycle.review.ReviewDecisions;
import org.pmo.servicelifecycle.strategy.BusinessCaseView;
import org.pmo.servicelifecycle.strategy.BusinessCases;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the page of one service shows: its terms, value and cost, offerings and their attainment per period, the
 * history, the open tasks and who holds them, where its lifecycle waits (for the diagram), its subscribers and the
 * notices its customers were given. Customers see the service, not the other customers.
 */
@Service
public class ServicePage {

	private final ServiceCatalog catalog;

	private final AgreementBook agreements;

	private final OfferingBook offerings;

	private final BusinessCases businessCases;

	private final Customers customers;

	private final CustomerNotices notices;

	private final Portfolio portfolio;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final ManagementService managementService;

	private final ApplicationAuthority application;

	private final Clock clock;

	ServicePage(ServiceCatalog catalog, AgreementBook agreements, OfferingBook offerings, BusinessCases businessCases,
			Customers customers, CustomerNotices notices, Portfolio portfolio, RuntimeService runtimeService,
			HistoryService historyService, ManagementService managementService, ApplicationAuthority application,
			Clock clock) {
		this.catalog = catalog;
		this.agreements = agreements;
		this.offerings = offerings;
		this.businessCases = businessCases;
		this.customers = customers;
		this.notices = notices;
		this.portfolio = portfolio;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.managementService = managementService;
		this.application = application;
		this.clock = clock;
	}

	// one read-only transaction for the page's twenty-odd reads, not one each
	@Transactional(readOnly = true)
	public View of(String code) {
		PmoService service = this.catalog.find(code);
		boolean staff = this.application.currentUserIsAdministrator()
				|| Groups.seeEveryCustomer(this.application.currentGroupIds());
		boolean operations = this.application.currentUserIsAdministrator()
				|| this.application.currentGroupIds().contains(Groups.PMO_MANAGERS);
		// the business case and the value score are the strategy's, for those who read it
		boolean strategy = this.portfolio.readsStrategy();
		PerformanceReport performance = this.agreements.performance(code);
		Long own = staff ? null : this.customers.customerOf(this.application.currentUserId()).orElse(null);
		List<PortfolioOverview.OpenTask> tasks = this.application
			.call(() -> this.portfolio.openTasksOf(List.of(code), this.clock.instant()))
			.getOrDefault(code, List.of());
		return this.application.call(() -> {
			Map<String, Object> figures = strategy
					? this.portfolio.figuresOf(List.of(service)).getOrDefault(service.getLifecycleInstanceId(), Map.of())
					: Map.of();
			Object priority = figures.get(ReviewDecisions.PRIORITY);
			return new View(ServiceView.of(service, this.agreements.agreementsOf(code)),
					(figures.get(ReviewDecisions.VALUE_SCORE) instanceof Number score) ? score : null,
					(priority != null) ? String.valueOf(priority) : null,
					strategy ? this.businessCases.find(code).orElse(null) : null, this.offerings.offeringsOf(code),
					staff ? performance : performance.onlyFor(own),
					this.catalog.history(code).stream().map(HistoryView::of).toList(), tasks,
					waiting(service, operations), retiresOn(service),
					staff ? this.customers.receiving(service, null).stream().map(Customer::getName).toList() : null,
					staff ? this.notices.outbox(code) : null, operations);
		});
	}

	/** The steps where the service's processes wait now, per process model, for the diagram's highlight. */
	private List<Waiting> waiting(PmoService service, boolean withInstances) {
		List<Waiting> waiting = new ArrayList<>();
		if (service.getLifecycleInstanceId() == null) {
			return waiting;
		}
		List<ProcessInstance> running = this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(service.getCode())
			.listPage(0, 20);
		for (ProcessInstance instance : running) {
			String key = instance.getProcessDefinitionId().substring(0, instance.getProcessDefinitionId().indexOf(':'));
			if (ServiceLifecycleProcess.KEYS.contains(key)) {
				waiting.add(new Waiting(key, withInstances ? instance.getId() : null,
						this.runtimeService.getActiveActivityIds(instance.getId())));
			}
		}
		if (running.isEmpty()) {
			HistoricProcessInstance ended = this.historyService.createHistoricProcessInstanceQuery()
				.processInstanceId(service.getLifecycleInstanceId())
				.singleResult();
			if (ended != null && ended.getEndActivityId() != null) {
				waiting.add(new Waiting(ServiceLifecycleProcess.KEY, withInstances ? ended.getId() : null,
						List.of(ended.getEndActivityId())));
			}
		}
		return waiting;
	}

	/** The day an approved retirement decommissions the service (its timer's); null before one is approved. */
	private LocalDate retiresOn(PmoService service) {
		if (service.getStage() != Stage.RETIREMENT) {
			return null;
		}
		ProcessInstance retirement = this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(service.getCode())
			.processDefinitionKey(ServiceLifecycleProcess.RETIREMENT_KEY)
			.singleResult();
		Job timer = (retirement == null) ? null : this.managementService.createJobQuery()
			.processInstanceId(retirement.getId())
			.activityId(Retirement.EVENT_RETIREMENT_DATE_REACHED)
			.singleResult();
		return (timer == null) ? null : timer.getDuedate().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
	}

	/** The page's data; {@code subscribers} and {@code notices} for the PMO's work groups only. */
	public record View(ServiceView service, Number valueScore, String priority, BusinessCaseView businessCase,
			List<OfferingView> offerings, PerformanceReport performance, List<HistoryView> history,
			List<PortfolioOverview.OpenTask> openTasks, List<Waiting> waiting, LocalDate retiresOn, List<String> subscribers,
			List<NoticeView> notices, boolean mayOpenCockpit) {
	}

	/** A process of the service and the steps it waits at (or the end it reached); its instance for Cockpit's users. */
	public record Waiting(String processKey, String instanceId, List<String> activityIds) {
	}

}
