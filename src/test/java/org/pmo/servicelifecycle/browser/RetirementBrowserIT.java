package org.pmo.servicelifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pmo.servicelifecycle.TestUsers;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.ReviewOutcome;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.customer.CustomerTerms;
import org.pmo.servicelifecycle.customer.Customers;
import org.pmo.servicelifecycle.demo.EngineTransport;
import org.pmo.servicelifecycle.demo.LifecycleDriver;
import org.pmo.servicelifecycle.demo.People;
import org.pmo.servicelifecycle.identity.Organisation;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement;
import org.pmo.servicelifecycle.lifecycle.ServiceRequests;
import org.pmo.servicelifecycle.notice.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A retirement in a real browser, with a real SMTP server in the test: the analyst plans it in Tasklist (a date inside
 * the notice period is refused with the form's message), the board approves it for four weeks ahead, the customers'
 * contact receives the notice, the service page shows the service still live with the notice sent, and the date's
 * timer decommissions it. Screenshots in {@code target/browser-screenshots/retirement/}.
 */
@ChromiumTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RetirementBrowserIT {

	static final TestMailServer SMTP = TestMailServer.started();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		SMTP.register(registry);
	}

	@AfterAll
	static void stopTheMailServer() {
		SMTP.stop();
	}

	@LocalServerPort
	private int port;

	@Autowired
	private Organisation organisation;

	@Autowired
	private ServiceCatalog catalog;

	@Autowired
	private Customers customers;

	@Autowired
	private ServiceRequests requests;

	@Autowired
	private ProcessEngine engine;

	@Test
	void shouldTellTheCustomersKeepTheServiceLiveAndDecommissionItOnTheDate() throws Exception {
		// given a live service mandated for senior executives, their office, and a review that asked for its end
		TestUsers.create(this.organisation);
		String contact = "executive-office-" + System.nanoTime() + "@example.org";
		this.customers.create(new CustomerTerms("Executive office " + contact, CustomerSegment.SENIOR_EXECUTIVES, contact,
				List.of()), "mark");
		String name = "Board pack preparation " + System.currentTimeMillis();
		EngineTransport engineApi = new EngineTransport(this.engine, this.requests);
		LifecycleDriver lifecycle = new LifecycleDriver(engineApi, People.DEMO);
		String code = lifecycle.live(new ServiceRequest(name, "Monthly board packs for the executives",
				Set.of(CustomerSegment.SENIOR_EXECUTIVES), OfferingLevel.MANDATED), "R/P3M");
		lifecycle.review(code, "Replaced by the reporting platform", ReviewOutcome.RETIRE);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate retirementDate = today.plusWeeks(4);

		// when the analyst plans it for next week, the form refuses the date: customers are told four weeks ahead
		Browser anna = browser("anna");
		Tasklist annasTasklist = Tasklist.login(anna, "anna");
		annasTasklist.openFilter("PMO analysts' tasks");
		CamundaForm plan = open(annasTasklist, "Plan retirement", name);
		plan.date("Retirement date", today.plusWeeks(1))
			.text("Notice to customers", "Board packs move to the reporting platform; your access there is ready.");
		annasTasklist.complete();
		String refusal = anna.waitUntil("the date refused", (d) -> Webapps.errorNotifications(anna)
			.stream()
			.filter((message) -> message.contains("retirementDate"))
			.findFirst()
			.orElse(null));
		assertThat(refusal).contains("retirementDate: must be on " + retirementDate + " or later", "4 weeks ahead");
		anna.screenshot("retirement/01-anna-plan-date-too-early");

		// and takes four weeks ahead
		plan.date("Retirement date", retirementDate);
		anna.settle();
		anna.screenshot("retirement/02-anna-plan-retirement");
		annasTasklist.complete();
		annasTasklist.completed("Plan retirement");
		anna.close();

		// when the board approves it
		Browser sara = browser("sara");
		Tasklist sarasTasklist = Tasklist.login(sara, "sara");
		sarasTasklist.openFilter("Portfolio board's tasks");
		CamundaForm approval = open(sarasTasklist, "Approve retirement", name);
		assertThat(approval.value("Notice to customers")).startsWith("Board packs move");
		approval.choose("Decision", "Approve retirement").text("Comment", "Agreed with the executives' office.");
		sara.settle();
		sara.screenshot("retirement/03-sara-approve-retirement");
		sarasTasklist.complete();
		sarasTasklist.completed("Approve retirement");
		sara.close();

		// then the notice step runs, and the office's contact receives the notice
		lifecycle.notifyCustomers(code);
		List<MimeMessage> received = SMTP.receivedBy(contact);
		assertThat(received).singleElement()
			.satisfies((message) -> assertThat(message.getSubject()).isEqualTo(name + " retires on " + retirementDate));

		// and the service stays live until the date: its page shows it in retirement, with the notice sent
		PmoService retiring = this.catalog.find(code);
		assertThat(retiring.getStage()).isEqualTo(Stage.RETIREMENT);
		Job dateReached = engineApi.job(code, Retirement.EVENT_RETIREMENT_DATE_REACHED);
		// on the date, and not before the four weeks since the customers were told have passed
		assertThat(dateReached.getDuedate().toInstant()).isBetween(retirementDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
				retirementDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		Browser mark = browser("mark");
		Webapps.login(mark, Tasklist.PATH, "mark", "mark");
		mark.go("/portfolio/services/" + code);
		mark.waitUntil("the service's page", (d) -> loaded(mark));
		assertThat(mark.visible(By.cssSelector("dd[data-fact='Stage']")).getText()).isEqualTo("Being retired (catalog)");
		assertThat(mark.visible(By.cssSelector("dd[data-fact='Retires on']")).getText()).isEqualTo(retirementDate.toString());
		assertThat(mark.all(By.cssSelector("#notices tbody tr"))).extracting(WebElement::getText)
			.singleElement()
			.satisfies((row) -> assertThat(row).contains(contact, name + " retires on " + retirementDate)
				.doesNotContain("kept (no mail server)"));
		mark.settle();
		mark.screenshot("retirement/04-mark-service-in-retirement");

		// when the date's timer fires, the service is decommissioned
		lifecycle.decommission(code);
		assertThat(this.catalog.find(code).getStage()).isEqualTo(Stage.RETIRED);
		mark.go("/portfolio/services/" + code);
		mark.waitUntil("the service's page", (d) -> loaded(mark));
		mark.waitUntil("shown retired", Duration.ofSeconds(10),
				(d) -> mark.visible(By.cssSelector("dd[data-fact='Stage']")).getText().equals("Retired (retired)"));
		mark.screenshot("retirement/05-mark-service-retired");
		mark.close();
	}

	private static CamundaForm open(Tasklist tasklist, String taskName, String serviceName) {
		CamundaForm form = tasklist.openTask(taskName, serviceName);
		assertThat(form.value("Service name")).isEqualTo(serviceName);
		return tasklist.claim();
	}

	private static boolean loaded(Browser browser) {
		return "true".equals(browser.script("return document.body.getAttribute('data-loaded');"));
	}

	private Browser browser(String user) {
		return Browser.open("http://localhost:" + this.port, user, 1400, 1300);
	}

}
