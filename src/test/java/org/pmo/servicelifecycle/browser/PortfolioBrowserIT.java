package org.pmo.servicelifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.PmoServiceRepository;
import org.pmo.servicelifecycle.catalog.PortfolioPhase;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The portfolio page in a real browser, on the demo catalog (services in every stage from request to retirement): a
 * logged-in user sees the services by phase and stage, the table with their work, and the lifecycle model with how
 * many lifecycles wait at each step; an anonymous visitor is sent to the login. Screenshots in
 * {@code target/browser-screenshots/portfolio/}.
 */
@ChromiumTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pmo.demo.enabled=true")
@ActiveProfiles("test")
class PortfolioBrowserIT {

	@LocalServerPort
	private int port;

	@Autowired
	private PmoServiceRepository services;

	@Autowired
	private RuntimeService runtimeService;

	@Test
	void shouldSendAnAnonymousVisitorToTheLoginAndBackToThePageHeAskedFor() {
		String asked = "/portfolio/services/" + this.services.findAll().get(0).getCode();
		Browser visitor = browser("visitor", 1400, 900);
		visitor.go(asked);
		visitor.waitUntil("sent to the login", (d) -> d.getCurrentUrl().contains("/portfolio/login.html?returnTo="));
		assertThat(visitor.all(By.id("services"))).as("no portfolio table").isEmpty();
		assertThat(visitor.all(By.id("facts"))).as("no service").isEmpty();
		visitor.screenshot("portfolio/01-anonymous-sent-to-login");

		// a wrong password is told, and the right one leads back to the service's page
		visitor.type(visitor.visible(By.id("username")), "mark");
		visitor.type(visitor.visible(By.id("password")), "wrong");
		visitor.click(By.xpath("//button[@type='submit']"));
		assertThat(visitor.visible(By.id("login-error")).getText()).isEqualTo("Wrong user or password.");
		visitor.type(visitor.visible(By.id("password")), "mark");
		visitor.click(By.xpath("//button[@type='submit']"));
		visitor.waitUntil("back on the page asked for", (d) -> d.getCurrentUrl().endsWith(asked)
				&& "true".equals(visitor.script("return document.body.getAttribute('data-loaded');")));

		// the address to return to is the portfolio's own: another site's is not followed
		visitor.go("/portfolio/login.html?returnTo=https://example.org/");
		visitor.type(visitor.visible(By.id("username")), "mark");
		visitor.type(visitor.visible(By.id("password")), "mark");
		visitor.click(By.xpath("//button[@type='submit']"));
		visitor.waitUntil("on the portfolio", (d) -> d.getCurrentUrl().startsWith("http://localhost:" + this.port + "/")
				&& d.getCurrentUrl().endsWith("/portfolio/index.html"));

		// and the welcome page of the webapps links the portfolio
		visitor.go("/camunda/app/welcome/default/");
		visitor.click(By.xpath("//a[normalize-space(.)='PMO portfolio']"));
		visitor.waitUntil("portfolio opened", (d) -> d.getCurrentUrl().contains("/portfolio/"));
		assertThat(PortfolioPage.loaded(visitor).rows()).isNotEmpty();
		visitor.close();
	}

	@Test
	void shouldLetACustomerRaiseARequestFindItAndManageHisSubscriptions() {
		Browser paul = browser("paul", 1400, 1000);
		paul.go("/portfolio/my");
		paul.waitUntil("sent to the login", (d) -> d.getCurrentUrl().contains("/portfolio/login.html?returnTo="));
		paul.type(paul.visible(By.id("username")), "paul");
		paul.type(paul.visible(By.id("password")), "paul");
		paul.click(By.xpath("//button[@type='submit']"));
		paul.waitUntil("his page", (d) -> d.getCurrentUrl().endsWith("/portfolio/my") && loaded(paul));

		// when he asks for a service
		String name = "Benefits coaching " + System.currentTimeMillis();
		paul.type(paul.visible(By.name("name")), name);
		paul.type(paul.visible(By.name("description")), "Coaching of project managers on benefits realisation.");
		paul.click(By.cssSelector("input[name='segment'][value='PROJECT_MANAGERS']"));
		paul.click(By.xpath("//form[@id='request']//button[@type='submit']"));

		// then he lands on its page, and learns its code and stage
		paul.waitUntil("the new service's page", (d) -> d.getCurrentUrl().contains("/portfolio/services/SVC-") && loaded(paul));
		String code = paul.url().substring(paul.url().lastIndexOf('/') + 1);
		assertThat(paul.visible(By.id("title")).getText()).isEqualTo(code + " · " + name);
		assertThat(paul.visible(By.cssSelector("dd[data-fact='Stage']")).getText()).isEqualTo("Proposed (pipeline)");
		assertThat(paul.all(By.cssSelector("#customers"))).allSatisfy((section) -> assertThat(section.isDisplayed()).isFalse());

		// and finds it on his page with the step it waits at and who holds it
		paul.go("/portfolio/my");
		paul.waitUntil("his page", (d) -> loaded(paul));
		assertThat(paul.visible(By.cssSelector("#requests tr[data-code='" + code + "']")).getText())
			.contains(name, "Proposed", "Evaluate service need (pmo-managers)");
		assertThat(paul.visible(By.id("organisation-name")).getText()).contains("Digital delivery office");
		paul.screenshot("portfolio/05-customer-page");

		// his office ends its subscription to the template library, and takes it again
		String templates = this.services.findAll().stream().filter((s) -> s.getName().equals("Template library upkeep"))
			.findFirst().orElseThrow().getCode();
		paul.click(By.cssSelector("#received tr[data-code='" + templates + "'] button"));
		paul.waitUntil("offered again", (d) -> !d.findElements(By.cssSelector("#offers button[data-subscribe='" + templates + "']")).isEmpty());
		paul.click(By.cssSelector("#offers button[data-subscribe='" + templates + "']"));
		paul.waitUntil("received again", (d) -> !d.findElements(By.cssSelector("#received tr[data-code='" + templates + "'] button")).isEmpty());
		assertThat(paul.all(By.id("subscription-error"))).allSatisfy((e) -> assertThat(e.isDisplayed()).isFalse());
		paul.close();
	}

	private static boolean loaded(Browser browser) {
		return "true".equals(browser.script("return document.body.getAttribute('data-loaded');"));
	}

	@Test
	void shouldOpenAServicesPageFromThePortfolioWithItsChartHistoryAndDiagram() {
		// the demo's health check: live, measured this month, its periodic review waiting for the PMO managers
		PmoService healthCheck = this.services.findAll()
			.stream()
			.filter((s) -> s.getName().equals("Project health check"))
			.findFirst()
			.orElseThrow();
		Browser mark = browser("mark", 1400, 1000);
		Webapps.login(mark, Tasklist.PATH, "mark", "mark");
		PortfolioPage.open(mark);

		// when the manager follows the service's row
		mark.click(By.xpath("//table[@id='services']//tr[@data-code='" + healthCheck.getCode() + "']//a[1]"));
		mark.waitUntil("the service's page", (d) -> d.getCurrentUrl().endsWith("/portfolio/services/" + healthCheck.getCode())
				&& "true".equals(mark.script("return document.body.getAttribute('data-loaded');")));
		mark.waitUntil("the diagram drawn", (d) -> !d.findElements(By.cssSelector("#diagram .djs-element.current-step")).isEmpty());

		// then its facts in business words, its offerings, a chart per agreement, the history and the current step
		assertThat(mark.visible(By.id("title")).getText()).isEqualTo(healthCheck.getCode() + " · Project health check");
		assertThat(mark.visible(By.cssSelector("dd[data-fact='Stage']")).getText()).isEqualTo("In operation (catalog)");
		assertThat(mark.all(By.cssSelector("#offerings tbody tr"))).extracting(org.openqa.selenium.WebElement::getText)
			.anySatisfy((row) -> assertThat(row).contains("Project managers", "Additional", "12"));
		assertThat(mark.all(By.cssSelector(".chart[data-metric='on-time-delivery'] canvas"))).hasSize(1);
		assertThat(mark.all(By.cssSelector("#timeline li[data-kind='REVIEW_OPENED']"))).isNotEmpty();
		assertThat(mark.visible(By.id("diagram")).getDomAttribute("data-current")).contains("Task_ReviewService");
		assertThat(mark.all(By.cssSelector("#tasks tbody tr"))).extracting(org.openqa.selenium.WebElement::getText)
			.anySatisfy((row) -> assertThat(row).contains("Review service", "pmo-managers"));
		assertThat(mark.all(By.cssSelector("#subscribers li"))).extracting(org.openqa.selenium.WebElement::getText)
			.contains("Executive leadership team");
		assertThat(mark.visible(By.id("cockpit")).getDomAttribute("href")).contains("/process-instance/");
		mark.settle();
		mark.screenshot("portfolio/04-service-page");
		mark.close();
	}

	@Test
	void shouldShowTheServicesByPhaseAndStageAndWhereLifecyclesWait() {
		List<PmoService> catalog = this.services.findAll();
		assertThat(catalog).as("the demo catalog").hasSizeGreaterThanOrEqualTo(7);

		Browser mark = browser("mark", 1400, 1000);
		Webapps.login(mark, Tasklist.PATH, "mark", "mark");
		PortfolioPage page = PortfolioPage.open(mark);

		// services by phase and by stage
		// the pipeline and the catalog by phase; retired and declined services counted apart
		Map<String, Integer> byPhase = Map.of(
				"PIPELINE", (int) catalog.stream().filter((s) -> s.getPortfolioPhase() == PortfolioPhase.PIPELINE).count(),
				"CATALOG", (int) catalog.stream().filter((s) -> s.getPortfolioPhase() == PortfolioPhase.CATALOG).count(),
				"RETIRED", (int) catalog.stream().filter((s) -> s.getStage() == Stage.RETIRED).count(),
				"DECLINED", (int) catalog.stream().filter((s) -> s.getStage() == Stage.DECLINED).count());
		assertThat(page.phaseCounts()).isEqualTo(byPhase);
		Map<String, Integer> byStage = Arrays.stream(Stage.values())
			.collect(Collectors.toMap(Enum::name,
					(stage) -> (int) catalog.stream().filter((s) -> s.getStage() == stage).count()));
		assertThat(page.stageCounts()).isEqualTo(byStage);
		assertThat(byStage).as("demo-like: a request, a business case, a pilot, live services, a retirement")
			.hasEntrySatisfying("PROPOSED", (n) -> assertThat(n).isPositive())
			.hasEntrySatisfying("JUSTIFICATION", (n) -> assertThat(n).isPositive())
			.hasEntrySatisfying("PILOT", (n) -> assertThat(n).isPositive())
			.hasEntrySatisfying("OPERATION", (n) -> assertThat(n).isGreaterThan(1))
			.hasEntrySatisfying("RETIREMENT", (n) -> assertThat(n).isPositive());

		// the table: every service in its stage, with its work and who holds it
		Map<String, List<String>> rows = page.rowValues();
		Map<String, PmoService> byCode = catalog.stream()
			.collect(Collectors.toMap(PmoService::getCode, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(byCode.keySet());
		rows.forEach((code, cells) -> {
			PmoService service = byCode.get(code);
			assertThat(cells.get(1)).as(code).startsWith(service.getName());
			assertThat(cells.get(2)).as(code).isEqualTo(service.getStage().name());
			assertThat(cells.get(3)).as(code).isEqualTo(service.getOfferingLevel().name());
		});
		// a PMO manager sees the work of his group (authorization is on)
		assertThat(rows.get(codeIn(catalog, Stage.PROPOSED)).get(8)).isEqualTo("Evaluate service need (pmo-managers)");
		assertThat(rows.values()).anySatisfy((cells) -> assertThat(cells.get(8)).isEqualTo("Review service (pmo-managers)"));
		assertThat(rows.values()).as("SLA health measured for a live service")
			.anySatisfy((cells) -> assertThat(cells.get(5)).isIn("MET", "AT_RISK", "BREACHED"));
		mark.fitPageHeight();
		mark.screenshot("portfolio/02-portfolio");

		// the filters
		// in business words on the page, and in the CSV of what is listed
		assertThat(page.rows().values()).anySatisfy((cells) -> assertThat(cells.get(2)).isEqualTo("In operation"));
		assertThat(page.csvLines().get(0)).startsWith("code,name,stage,portfolioPhase,version,owner,offeringLevel");
		assertThat(page.csvLines()).hasSize(catalog.size() + 1);
		page.filterStage("OPERATION");
		assertThat(page.rowValues().values()).hasSize(byStage.get("OPERATION"))
			.allSatisfy((cells) -> assertThat(cells.get(2)).isEqualTo("OPERATION"));
		assertThat(page.csvLines()).hasSize(byStage.get("OPERATION") + 1)
			.allSatisfy((line) -> assertThat(line).matches("code,.*|SVC-\\d{4},.*,OPERATION,CATALOG,.*"));
		page.filterStage("all");
		String someCode = codeIn(catalog, Stage.PILOT);
		page.search(someCode);
		assertThat(page.rows()).containsOnlyKeys(someCode);
		page.search("");
		assertThat(page.rows()).hasSameSizeAs(catalog);

		// the lifecycle model with the number of lifecycles waiting at each step
		assertThat(page.draws(Lifecycle.TASK_EVALUATE_NEED)).isTrue();
		mark.visible(By.cssSelector("#diagram .waiting[data-activity='" + Lifecycle.TASK_EVALUATE_NEED + "']"));
		assertThat(page.waitingCounts()).isEqualTo(waiting(ServiceLifecycleProcess.KEY, Lifecycle.TASK_EVALUATE_NEED,
				Lifecycle.TASK_DESIGN_SERVICE, Lifecycle.TASK_JUSTIFY_SERVICE, Lifecycle.EVENT_PILOT_PERIOD_OVER,
				Lifecycle.TASK_REVIEW_PILOT, Lifecycle.TASK_APPROVE_GO_LIVE, Lifecycle.TASK_OPERATE_SERVICE,
				Lifecycle.TASK_REVIEW_SERVICE, Lifecycle.CALL_TRANSFORM_SERVICE, Lifecycle.CALL_RETIRE_SERVICE));
		assertThat(page.waitingCounts()).containsKeys(Lifecycle.TASK_EVALUATE_NEED, Lifecycle.TASK_OPERATE_SERVICE);
		page.showModel(ServiceLifecycleProcess.RETIREMENT_KEY);
		mark.visible(By.cssSelector("#diagram .waiting[data-activity='" + Retirement.TASK_APPROVE_RETIREMENT + "']"));
		assertThat(page.waitingCounts()).isEqualTo(waiting(ServiceLifecycleProcess.RETIREMENT_KEY,
				Retirement.TASK_PLAN_RETIREMENT, Retirement.TASK_APPROVE_RETIREMENT));
		mark.screenshot("portfolio/03-retirement-model");
		mark.close();

		// an administrator sees every group's work, the board's approvals with their due dates among it
		Browser demo = browser("demo", 1400, 1000);
		Webapps.login(demo, Tasklist.PATH, "demo", "demo");
		Map<String, List<String>> all = PortfolioPage.open(demo).rows();
		assertThat(all.get(codeIn(catalog, Stage.JUSTIFICATION)).get(8))
			.startsWith("Approve business case (portfolio-board), due ");
		assertThat(all.get(codeIn(catalog, Stage.RETIREMENT)).get(8))
			.startsWith("Approve retirement (portfolio-board), due ");
		demo.close();
	}

	/** How many lifecycles of the model wait at each of these steps, leaving out the steps none waits at. */
	private Map<String, Integer> waiting(String key, String... activityIds) {
		Map<String, Integer> waiting = new LinkedHashMap<>();
		for (String activityId : activityIds) {
			long count = this.runtimeService.createProcessInstanceQuery()
				.processDefinitionKey(key)
				.activityIdIn(activityId)
				.count();
			if (count > 0) {
				waiting.put(activityId, (int) count);
			}
		}
		return waiting;
	}

	private static String codeIn(List<PmoService> catalog, Stage stage) {
		return catalog.stream()
			.filter((s) -> s.getStage() == stage)
			.map(PmoService::getCode)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no service in " + stage));
	}

	private Browser browser(String name, int width, int height) {
		return Browser.open("http://localhost:" + this.port, name, width, height);
	}

}
