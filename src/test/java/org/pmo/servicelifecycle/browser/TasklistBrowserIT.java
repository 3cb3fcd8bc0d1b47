package org.pmo.servicelifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pmo.servicelifecycle.TestUsers;
import org.pmo.servicelifecycle.agreement.OfferingBook;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.HistoryKind;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.PmoServiceRepository;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.ServiceHistoryEntry;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.demo.EngineTransport;
import org.pmo.servicelifecycle.demo.LifecycleDriver;
import org.pmo.servicelifecycle.demo.People;
import org.pmo.servicelifecycle.identity.Organisation;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasklist in a real browser, as its users work in it: a customer raises a request with the start form; the PMO
 * manager, the analyst and the board each find their task in their inbox, open its Camunda Form, claim it, see the
 * form refuse an empty required field, fill it in and complete it, until the service is live. Authorization is on:
 * an analyst does not see the board's tasks. Each form leaves a screenshot in
 * {@code target/browser-screenshots/tasklist/}.
 */
@ChromiumTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistBrowserIT {

	private static final String LIFECYCLE = "PMO service lifecycle";

	@LocalServerPort
	private int port;

	@Autowired
	private Organisation organisation;

	@Autowired
	private PmoServiceRepository services;

	@Autowired
	private ServiceCatalog catalog;

	@Autowired
	private OfferingBook offerings;

	@Autowired
	private ServiceRequests requests;

	@Autowired
	private TaskService taskService;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private IdentityService identityService;

	@Autowired
	private ProcessEngine engine;

	@BeforeEach
	void createUsers() {
		TestUsers.create(this.organisation);
	}

	@Test
	void shouldCarryARequestThroughTasklistUntilTheServiceIsLive() {
		String name = "Benefits realisation tracking " + Instant.now().toEpochMilli();

		String code = customerRaisesTheRequest(name);
		PmoService service = this.catalog.find(code);
		assertThat(service.getStage()).isEqualTo(Stage.PROPOSED);
		assertThat(service.getRequestedBy()).isEqualTo("paul");
		assertThat(service.getOfferingLevel()).isEqualTo(OfferingLevel.MANDATED);
		assertThat(service.getCustomerSegments()).containsExactlyInAnyOrder(CustomerSegment.PROJECT_MANAGERS,
				CustomerSegment.SENIOR_EXECUTIVES);

		managerEvaluatesTheNeed(name, code);
		assertThat(this.catalog.find(code).getStage()).isEqualTo(Stage.DESIGN);
		assertThat(variable(code, "strategicFit")).isEqualTo("high");
		assertThat(((Number) variable(code, "valueToOrganisation")).intValue()).isEqualTo(4);

		analystDesignsTheService(name);
		PmoService designed = this.catalog.find(code);
		assertThat(designed.getStage()).isEqualTo(Stage.JUSTIFICATION);
		assertThat(designed.getOwner()).isEqualTo("anna");
		// the rows became the version's offerings and agreements, shown to the board in words
		assertThat(this.offerings.offeringsOf(code)).extracting((o) -> o.segment() + "/" + o.level() + "/" + o.capacity()
				+ "/" + o.agreements().stream().map((a) -> a.metric() + ">=" + a.target()).toList())
			.containsExactly("PROJECT_MANAGERS/MANDATED/null/[on-time-delivery>=90.0]",
					"SENIOR_EXECUTIVES/ADDITIONAL/25/[customer-satisfaction>=4.0]");
		assertThat((String) variable(code, "offeringSummary")).contains("Project managers — mandated",
				"on-time-delivery at least 90 % per month", "Senior executives — additional, up to 25 subscribers",
				"customer-satisfaction at least 4 of 5 per month (at risk within 0.50)");
		assertThat(variable(code, "pilotPeriod")).isEqualTo("P14D");
		assertThat(variable(code, "reviewCycle")).isEqualTo("R/P3M");

		// the requester (paul) and the designer (anna) may not approve it: four-eyes
		boardApprovesTheBusinessCase(name);
		assertThat(this.catalog.find(code).getStage()).isEqualTo(Stage.PILOT);

		// the pilot period of two weeks runs out: its timer fires
		Job pilotOver = this.managementService.createJobQuery()
			.processInstanceId(this.catalog.find(code).getLifecycleInstanceId())
			.activityId(Lifecycle.EVENT_PILOT_PERIOD_OVER)
			.singleResult();
		assertThat(Duration.between(Instant.now(), pilotOver.getDuedate().toInstant()))
			.isBetween(Duration.ofDays(13), Duration.ofDays(14));
		this.managementService.executeJob(pilotOver.getId());

		managerReviewsThePilot(name);
		assertThat(this.catalog.find(code).getStage()).isEqualTo(Stage.IMPLEMENTATION);

		boardApprovesTheGoLive(name);

		// the service is live
		PmoService live = this.catalog.find(code);
		assertThat(live.getStage()).isEqualTo(Stage.OPERATION);
		assertThat(live.getNextReviewDue()).isNotNull();
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(live.getLifecycleInstanceId())
			.activityIdIn(Lifecycle.TASK_OPERATE_SERVICE)
			.count()).isOne();
		assertThat(this.catalog.history(code)
			.stream()
			.filter((entry) -> entry.getKind() == HistoryKind.TASK_COMPLETED)
			.map((ServiceHistoryEntry entry) -> tuple(entry.getActivity(), entry.getActor(), entry.getDecision())))
			.containsExactly(tuple("Evaluate service need", "mark", "approve"), tuple("Design service", "anna", null),
					tuple("Approve business case", "sara", "approve"), tuple("Review pilot", "mark", "approve"),
					tuple("Approve go-live", "sara", "approve"));
	}

	/** Returns the code the catalog gave the new service. */
	private String customerRaisesTheRequest(String name) {
		Browser paul = browser("paul");
		Tasklist tasklist = Tasklist.login(paul, "paul");
		assertThat(tasklist.filters()).as("a customer has no task inbox").isEmpty();
		assertThat(paul.all(By.xpath("//a[normalize-space(.)='Start process']"))).hasSize(1);
		assertThat(paul.all(By.xpath("//a[normalize-space(.)='Create task']"))).as("no standalone tasks").isEmpty();
		assertThat(Webapps.errorNotifications(paul)).isEmpty();
		CamundaForm request = tasklist.startProcess(LIFECYCLE);
		long servicesBefore = this.services.count();
		tasklist.start();
		assertThat(request.waitForErrors("Service name", "What is needed and why", "Who is it for"))
			.containsEntry("Service name", "Field is required.");
		assertThat(tasklist.startDialogMessage()).isEqualTo("The process could not be started.");
		assertThat(this.services.count()).as("nothing stored").isEqualTo(servicesBefore);
		paul.screenshot("tasklist/01-paul-request-service-invalid");

		request.text("Service name", name)
			.text("What is needed and why", "Track the benefits projects promised, for two years after their closure.")
			.check("Who is it for", "Project managers", "Senior executives")
			.choose("Offering level", "Mandated (all projects must use it)");
		assertThat(request.errors()).isEmpty();
		paul.settle();
		paul.screenshot("tasklist/01-paul-request-service");
		tasklist.start();
		tasklist.started();
		assertThat(Webapps.notifications(paul)).contains("The process has been started.");
		paul.close();
		return this.services.findAll()
			.stream()
			.filter((s) -> name.equals(s.getName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no service " + name + " in the catalog"))
			.getCode();
	}

	private void managerEvaluatesTheNeed(String name, String code) {
		Browser mark = browser("mark");
		Tasklist tasklist = Tasklist.login(mark, "mark");
		assertThat(tasklist.filters()).contains("My tasks", "My groups' tasks", "Overdue tasks", "PMO managers' tasks")
			.doesNotContain("PMO analysts' tasks", "Portfolio board's tasks");
		tasklist.openFilter("PMO managers' tasks");
		assertThat(tasklist.taskCards()).anySatisfy((card) -> assertThat(card).contains("Evaluate service need", code));
		CamundaForm form = open(tasklist, "Evaluate service need", name);
		tasklist.complete();
		assertThat(form.waitForErrors("Fit with PMO strategy", "Value to the organisation (1 = low, 5 = high)",
				"Decision"))
			.as("the offering level comes filled in from the request")
			.doesNotContainKey("Offering level");
		mark.screenshot("tasklist/02-mark-evaluate-need-invalid");
		assertThat(taskOf(code, Lifecycle.TASK_EVALUATE_NEED)).as("still open").isNotNull();

		form.select("Fit with PMO strategy", "High")
			.number("Value to the organisation (1 = low, 5 = high)", 4)
			.choose("Decision", "Approve: design the service")
			.text("Comment", "Asked for by three programme boards.");
		assertThat(form.errors()).isEmpty();
		mark.settle();
		mark.screenshot("tasklist/02-mark-evaluate-need");
		tasklist.complete();
		tasklist.completed("Evaluate service need");
		mark.close();
	}

	private void analystDesignsTheService(String name) {
		Browser anna = browser("anna");
		Tasklist tasklist = Tasklist.login(anna, "anna");
		tasklist.openFilter("PMO analysts' tasks");
		CamundaForm form = open(tasklist, "Design service", name);
		tasklist.complete();
		assertThat(form.waitForErrors("Service design (architecture, governance, documentation)",
				"Service owner (user id)"))
			.as("pilot period and review cycle come filled in with the catalog's defaults")
			.doesNotContainKeys("Pilot period", "Periodic review cycle");
		assertThat(form.value("Pilot period")).isEqualTo("4 weeks");
		assertThat(form.value("Periodic review cycle")).isEqualTo("Quarterly");
		anna.screenshot("tasklist/03-anna-design-service-invalid");

		// the request's segments come as the offerings' rows, at the requested level, without agreements yet
		assertThat(form.values("Customer segment")).containsExactly("Project managers", "Senior executives");
		assertThat(form.values("Level")).containsExactly("Mandated (every customer of the segment)",
				"Mandated (every customer of the segment)");
		assertThat(form.rows("Performance agreements")).isZero();
		form.select("Level", 1, "Additional (customers subscribe)")
			.number("Subscriber places (empty: no limit)", 1, 25)
			.addRow("Performance agreements")
			.select("Offering (segment)", 0, "Project managers")
			.text("Metric", 0, "on-time-delivery")
			.select("Unit", 0, "Percent")
			.select("Target is", 0, "at least")
			.number("Target", 0, 90)
			.addRow("Performance agreements")
			.select("Offering (segment)", 1, "Senior executives")
			.text("Metric", 1, "customer-satisfaction")
			.select("Unit", 1, "Score 1 to 5")
			.select("Target is", 1, "at least");
		typeTheAgreementValues(form);
		assertThat(form.values("Measured per")).containsExactly("month", "month");
		form.text("Service design (architecture, governance, documentation)",
				"A benefits register per project, owned by the PMO; quarterly benefits reviews with the sponsors.")
			.text("Notes on the agreements (how and by whom they are measured)",
					"Project managers: register set up within 10 days of closure. Senior executives: quarterly report.")
			.text("Service owner (user id)", "anna")
			.number("Estimated annual cost", 18000)
			.number("Effort in PMO capacity (person-days a year)", 35)
			.select("Pilot period", "2 weeks")
			.select("Periodic review cycle", "Quarterly");
		assertThat(form.errors()).isEmpty();
		anna.settle();
		if (!tasklist.completeEnabledWithin(java.time.Duration.ofSeconds(5))) {
			// form-js renders a dynamic list's rows anew while values arrive; a value it showed but did not take is
			// entered once more, as a person would on seeing Complete still disabled
			typeTheAgreementValues(form);
			anna.settle();
		}
		if (!tasklist.completeEnabledWithin(java.time.Duration.ofSeconds(5))) {
			// form-js may keep the error of a row it has rendered anew: saved and opened again, the form is checked
			// afresh, as a person would do on seeing Complete still disabled
			form = tasklist.saveAndReopen();
			assertThat(form.values("Metric")).containsExactly("on-time-delivery", "customer-satisfaction");
		}
		anna.screenshot("tasklist/03-anna-design-service");
		tasklist.complete();
		tasklist.completed("Design service");
		anna.close();
	}

	/** The typed values of the design's rows: places, metrics, targets and the risk margin. */
	private static void typeTheAgreementValues(CamundaForm form) {
		form.number("Subscriber places (empty: no limit)", 1, 25)
			.text("Metric", 0, "on-time-delivery")
			.number("Target", 0, 90)
			.text("Metric", 1, "customer-satisfaction")
			.number("Target", 1, 4)
			.number("At risk within (empty: warn on a falling trend only)", 1, 0.5);
	}

	private void boardApprovesTheBusinessCase(String name) {
		Browser sara = browser("sara");
		Tasklist tasklist = Tasklist.login(sara, "sara");
		tasklist.openFilter("Portfolio board's tasks");
		CamundaForm form = open(tasklist, "Approve business case", name);
		assertThat(form.value("Priority for the portfolio")).as("from the decision service-value").isNotBlank();
		assertThat(form.value("Offerings and their performance agreements")).as("the design's rows, in words")
			.contains("Senior executives — additional, up to 25 subscribers");
		tasklist.complete();
		form.waitForErrors("Decision");
		sara.screenshot("tasklist/04-sara-approve-business-case-invalid");
		form.choose("Decision", "Approve the business case")
			.text("Comment for the record", "Clear benefits, fits the strategy.");
		sara.settle();
		sara.screenshot("tasklist/04-sara-approve-business-case");
		tasklist.complete();
		tasklist.completed("Approve business case");
		sara.close();
	}

	private void managerReviewsThePilot(String name) {
		Browser mark = browser("mark");
		Tasklist tasklist = Tasklist.login(mark, "mark");
		tasklist.openFilter("PMO managers' tasks");
		CamundaForm form = open(tasklist, "Review pilot", name);
		tasklist.complete();
		form.waitForErrors("Pilot results and lessons learned", "Decision");
		mark.screenshot("tasklist/05-mark-review-pilot-invalid");
		form.text("Pilot results and lessons learned",
				"Five projects used the register; sponsors asked for a one-page summary.")
			.choose("Decision", "Ready for go-live");
		mark.settle();
		mark.screenshot("tasklist/05-mark-review-pilot");
		tasklist.complete();
		tasklist.completed("Review pilot");
		mark.close();
	}

	private void boardApprovesTheGoLive(String name) {
		Browser sara = browser("sara");
		Tasklist tasklist = Tasklist.login(sara, "sara");
		tasklist.openFilter("Portfolio board's tasks");
		CamundaForm form = open(tasklist, "Approve go-live", name);
		assertThat(form.value("Pilot results and lessons learned")).startsWith("Five projects");
		tasklist.complete();
		form.waitForErrors("Decision");
		sara.screenshot("tasklist/06-sara-approve-go-live-invalid");
		form.choose("Decision", "Approve go-live");
		sara.settle();
		sara.screenshot("tasklist/06-sara-approve-go-live");
		tasklist.complete();
		tasklist.completed("Approve go-live");
		sara.close();
	}

	@Test
	void analystShouldNotSeeTheBoardsTasks() {
		// a business case waiting for the board
		String name = "Supplier assurance " + Instant.now().toEpochMilli();
		LifecycleDriver lifecycle = new LifecycleDriver(new EngineTransport(this.engine, this.requests), People.DEMO);
		String code = lifecycle.request(new ServiceRequest(name, "Assurance of critical suppliers",
				Set.of(CustomerSegment.PROGRAMME_MANAGERS), OfferingLevel.ADDITIONAL));
		lifecycle.evaluateNeed(code, Decision.APPROVE);
		lifecycle.design(code);
		Task businessCase = taskOf(code, Lifecycle.TASK_JUSTIFY_SERVICE);
		assertThat(businessCase).isNotNull();

		Browser anna = browser("anna");
		Tasklist annasTasklist = Tasklist.login(anna, "anna");
		assertThat(annasTasklist.filters()).containsExactly("My tasks", "My groups' tasks", "Overdue tasks",
				"PMO analysts' tasks");
		annasTasklist.openFilter("My groups' tasks");
		assertThat(annasTasklist.taskCards()).noneSatisfy((card) -> assertThat(card).contains("Approve business case"));
		anna.screenshot("tasklist/07-anna-groups-tasks-without-board-tasks");

		// not even a link to it opens the board's task
		annasTasklist.openTaskById(businessCase.getId());
		String refused = anna.waitUntil("Tasklist refuses the task", (d) -> Webapps.notifications(anna)
			.stream()
			.filter((notification) -> notification.contains(businessCase.getId()))
			.findFirst()
			.orElse(null));
		assertThat(refused).contains("No matching task");
		assertThat(anna.present(By.cssSelector("[cam-tasklist-task] form.fjs-form"))).isFalse();
		anna.screenshot("tasklist/07-anna-board-task-refused");
		anna.close();

		// while the board has it in its inbox, free to claim
		Browser sara = browser("sara");
		Tasklist sarasTasklist = Tasklist.login(sara, "sara");
		sarasTasklist.openFilter("Portfolio board's tasks");
		sarasTasklist.openTask("Approve business case", name);
		sarasTasklist.waitUntilClaimable();
		sara.close();
		assertThat(this.taskService.createTaskQuery().taskId(businessCase.getId()).singleResult().getAssignee())
			.as("nobody claimed it").isNull();
	}

	/**
	 * Opens the task of the service in the open filter (the task cards of some groups show no service code, so the
	 * service is told by the form's "Service name") and claims it.
	 */
	private CamundaForm open(Tasklist tasklist, String taskName, String serviceName) {
		CamundaForm form = tasklist.openTask(taskName, serviceName);
		assertThat(form.value("Service name")).isEqualTo(serviceName);
		return tasklist.claim();
	}

	private Task taskOf(String code, String taskKey) {
		return this.taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).singleResult();
	}

	private Object variable(String code, String name) {
		return this.runtimeService.getVariable(this.catalog.find(code).getLifecycleInstanceId(), name);
	}

	private Browser browser(String user) {
		return Browser.open("http://localhost:" + this.port, user, 1400, 1500);
	}

}
