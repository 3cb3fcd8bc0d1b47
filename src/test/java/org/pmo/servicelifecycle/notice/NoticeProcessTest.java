package org.pmo.servicelifecycle.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.agreement.AgreementBook;
import org.pmo.servicelifecycle.agreement.MeasurementInput;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.customer.CustomerTerms;
import org.pmo.servicelifecycle.customer.Customers;
import org.pmo.servicelifecycle.demo.EngineTransport;
import org.pmo.servicelifecycle.demo.LifecycleDriver;
import org.pmo.servicelifecycle.demo.People;
import org.pmo.servicelifecycle.lifecycle.ProcessCoverage;
import org.pmo.servicelifecycle.lifecycle.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The path through {@code pmo-customer-notice}: a service going live, or breaching an agreement, asks for a notice;
 * its step writes one to each customer the service reaches (kept in the outbox without a mail server).
 */
class NoticeProcessTest extends ProcessTestSupport {

	@TestConfiguration(proxyBeanMethods = false)
	static class Coverage {

		@Bean
		@Primary
		ProcessEngineCoverageProperties noticeCoverage() {
			return ProcessCoverage.of(NoticeProcess.KEY);
		}

	}

	@Autowired
	Customers customers;

	@Autowired
	CustomerNotices notices;

	@Autowired
	AgreementBook agreements;

	private LifecycleDriver lifecycle;

	private long projectOffice;

	private long programmeOffice;

	@BeforeEach
	void customersOfTwoSegments() {
		this.lifecycle = new LifecycleDriver(new EngineTransport(this.processEngine, this.requests), People.DEMO);
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.projectOffice = this.customers.create(new CustomerTerms("Project office " + run,
				CustomerSegment.PROJECT_MANAGERS, "projects-" + run + "@example.org", List.of()), "mark").id();
		this.programmeOffice = this.customers.create(new CustomerTerms("Programme office " + run,
				CustomerSegment.PROGRAMME_MANAGERS, "programmes-" + run + "@example.org", List.of()), "mark").id();
	}

	@Test
	void shouldTellTheCustomersAServiceReachesThatItIsLive() {
		// given a service mandated for project and programme managers, just live
		String code = this.lifecycle.live(new org.pmo.servicelifecycle.catalog.ServiceRequest("Gate reviews",
				"Reviews before each gate", Set.of(CustomerSegment.PROJECT_MANAGERS, CustomerSegment.PROGRAMME_MANAGERS),
				org.pmo.servicelifecycle.catalog.OfferingLevel.MANDATED), "R/P3M");
		ProcessInstance notice = noticeOf(code);
		assertThat(notice).isWaitingAt(NoticeProcess.TASK_SEND_NOTICE);
		assertThat(this.notices.outbox(code)).isEmpty();

		// when its step runs
		this.processEngine.getManagementService().executeJob(jobOf(notice));

		// then each customer's contact has the notice, kept in the outbox (no mail server here)
		assertThat(notice).hasPassed(NoticeProcess.TASK_SEND_NOTICE, NoticeProcess.END_NOTICE_SENT).isEnded();
		assertThat(this.notices.outbox(code)).extracting(NoticeView::kind, NoticeView::customer, NoticeView::sentAt)
			.contains(org.assertj.core.groups.Tuple.tuple(NoticeKind.GO_LIVE, this.projectOffice, null),
					org.assertj.core.groups.Tuple.tuple(NoticeKind.GO_LIVE, this.programmeOffice, null));
		assertThat(this.catalog.history(code)).anySatisfy((entry) -> {
			assertThat(entry.getKind()).isEqualTo(HistoryKind.CUSTOMERS_NOTIFIED);
			assertThat(entry.getComment()).contains("Gate reviews is live");
		});
	}

	@Test
	void shouldTellTheCustomersOfTheBreachedOfferingOnly() {
		// given a live service mandated for both segments, its go-live told
		String code = this.lifecycle.live(new org.pmo.servicelifecycle.catalog.ServiceRequest("Assurance clinics",
				"Weekly clinics", Set.of(CustomerSegment.PROJECT_MANAGERS, CustomerSegment.PROGRAMME_MANAGERS),
				org.pmo.servicelifecycle.catalog.OfferingLevel.MANDATED), "R/P3M");
		this.processEngine.getManagementService().executeJob(jobOf(noticeOf(code)));

		// when the programme managers' agreement is missed
		String month = YearMonth.from(ClockUtil.now().toInstant().atZone(ZoneOffset.UTC)).toString();
		this.agreements.record(code, List.of(new MeasurementInput("on-time-delivery", CustomerSegment.PROGRAMME_MANAGERS,
				month, 60.0)), "anna");
		this.processEngine.getManagementService().executeJob(jobOf(noticeOf(code)));

		// then the programme managers' customers hear of it, and the project managers' not
		List<NoticeView> breach = this.notices.outbox(code)
			.stream()
			.filter((n) -> n.kind() == NoticeKind.BREACH)
			.toList();
		assertThat(breach).extracting(NoticeView::customer).contains(this.programmeOffice).doesNotContain(this.projectOffice);
		assertThat(breach).allSatisfy((n) -> assertThat(this.customers.find(n.customer()).getSegment())
			.isEqualTo(CustomerSegment.PROGRAMME_MANAGERS));
		assertThat(breach.get(0).text()).contains("on-time-delivery 60",
				"The PMO reviews the service for programme managers");
	}

	private ProcessInstance noticeOf(String code) {
		return this.processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(NoticeProcess.KEY)
			.processInstanceBusinessKey(code + "-notice")
			.singleResult();
	}

	private String jobOf(ProcessInstance instance) {
		return this.processEngine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.singleResult()
			.getId();
	}

}
