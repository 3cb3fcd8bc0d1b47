package org.pmo.servicelifecycle.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.customer.CustomerTerms;
import org.pmo.servicelifecycle.customer.Customers;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notices by e-mail through a real SMTP server (GreenMail, in the test): a retirement approved four weeks ahead
 * tells the customers at once and keeps the service live until its date; with the mail server down, the step's job
 * is retried and ends in an incident, and nothing is lost.
 */
class NoticeMailTests extends WebTestSupport {

	static final TestMailServer SMTP = TestMailServer.started();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		SMTP.register(registry);
	}

	@AfterAll
	static void stopTheMailServer() {
		SMTP.stop();
	}

	@Autowired
	private Customers customers;

	@Autowired
	private ServiceCatalog catalog;

	@Autowired
	private CustomerNotices notices;

	@Test
	void shouldMailTheRetirementNoticeAndDecommissionOnTheDate() throws Exception {
		// given a live service mandated for senior executives, and their office
		String contact = "board-office-" + System.nanoTime() + "@example.org";
		this.customers.create(new CustomerTerms("Board office " + contact, CustomerSegment.SENIOR_EXECUTIVES, contact,
				List.of()), "mark");
		String code = this.lifecycle.live(new ServiceRequest("Executive dashboard", "Monthly dashboard",
				Set.of(CustomerSegment.SENIOR_EXECUTIVES), OfferingLevel.MANDATED), "R/P3M");
		LocalDate retirementDate = LocalDate.now().plusWeeks(4);

		// when its retirement is approved for four weeks ahead and the notice step runs
		this.lifecycle.retire(code, "Replaced by the enterprise reporting tool", retirementDate);
		this.lifecycle.notifyCustomers(code);

		// then the office's contact has the notice, and the service stays live until the date
		List<MimeMessage> received = SMTP.receivedBy(contact);
		assertThat(received).hasSize(1);
		assertThat(received.get(0).getSubject()).isEqualTo("Executive dashboard retires on " + retirementDate);
		assertThat(GreenMailUtil.getBody(received.get(0))).contains("Please use the successor service.");
		assertThat(this.notices.outbox(code)).singleElement()
			.satisfies((notice) -> assertThat(notice.sentAt()).isNotNull());
		assertThat(this.catalog.find(code).getStage()).isEqualTo(Stage.RETIREMENT);

		// when the date's timer fires
		this.lifecycle.decommission(code);

		// then
		assertThat(this.catalog.find(code).getStage()).isEqualTo(Stage.RETIRED);
	}

	@Test
	void shouldRetryAndEndInAnIncidentWhileTheMailServerIsDown() {
		// given a retirement approved while the mail server is down
		String contact = "pmo-office-" + System.nanoTime() + "@example.org";
		this.customers.create(new CustomerTerms("PMO office " + contact, CustomerSegment.PROGRAMME_MANAGERS, contact,
				List.of()), "mark");
		String code = this.lifecycle.live(new ServiceRequest("Programme reporting", "Quarterly programme report",
				Set.of(CustomerSegment.PROGRAMME_MANAGERS), OfferingLevel.MANDATED), "R/P3M");
		this.lifecycle.retire(code, "No longer asked for", LocalDate.now().plusWeeks(6));
		SMTP.stop();
		Job job = this.engineApi.job(code, Retirement.TASK_NOTIFY_CUSTOMERS);

		// when the step runs three times
		try {
			for (int attempt = 1; attempt <= 3; attempt++) {
				assertThatThrownBy(() -> this.engine.getManagementService().executeJob(job.getId())).as("attempt")
					.isNotNull();
			}

			// then the job has no retries left, Cockpit shows an incident, and the notice waits in the outbox, unsent
			assertThat(this.engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries())
				.isZero();
			assertThat(this.engine.getRuntimeService().createIncidentQuery().jobDefinitionIdIn(job.getJobDefinitionId())
				.list()).anySatisfy((incident) -> assertThat(incident.getConfiguration()).isEqualTo(job.getId()));
			assertThat(this.notices.outbox(code)).singleElement()
				.satisfies((notice) -> assertThat(notice.sentAt()).isNull());
		}
		finally {
			SMTP.start();
		}

		// and once the mail server is back, a retry sends it, once
		this.engine.getManagementService().setJobRetries(job.getId(), 1);
		this.engine.getManagementService().executeJob(job.getId());
		assertThat(this.notices.outbox(code)).singleElement().satisfies((notice) -> {
			assertThat(notice.recipient()).isEqualTo(contact);
			assertThat(notice.sentAt()).isNotNull();
		});
		assertThat(SMTP.receivedBy(contact)).hasSize(1);
	}

}
