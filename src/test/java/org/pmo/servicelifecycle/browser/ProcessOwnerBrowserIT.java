package org.pmo.servicelifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.pmo.servicelifecycle.ApiClient;
import org.pmo.servicelifecycle.TestUsers;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.demo.EngineTransport;
import org.pmo.servicelifecycle.demo.LifecycleForms;
import org.pmo.servicelifecycle.demo.LifecycleDriver;
import org.pmo.servicelifecycle.demo.People;
import org.pmo.servicelifecycle.engine.EngineBatches;
import org.pmo.servicelifecycle.engine.ModelFiles;
import org.pmo.servicelifecycle.identity.Organisation;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process owner's day in a real browser: after deploying a changed lifecycle from Modeler (its REST endpoint), she
 * opens the models page, runs a dry run, migrates the running lifecycles, follows the batch to its end with every
 * instance migrated and the consistency check clean, and reads the decisions in Cockpit, as the PMO managers do.
 * Screenshots in {@code target/browser-screenshots/models/}.
 */
@ChromiumTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProcessOwnerBrowserIT {

	@LocalServerPort
	private int port;

	@Autowired
	private Organisation organisation;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private ServiceRequests requests;

	@Test
	void shouldDryRunAndMigrateTheRunningLifecyclesFromTheModelsPage() {
		TestUsers.create(this.organisation);
		LifecycleDriver lifecycle = new LifecycleDriver(new EngineTransport(this.engine, this.requests), People.DEMO);
		String waiting = lifecycle.request("Waits for its business case " + System.nanoTime());
		lifecycle.evaluateNeed(waiting, Decision.APPROVE);
		lifecycle.design(waiting);
		lifecycle.live("Runs while the model changes " + System.nanoTime());
		ApiClient olivia = new ApiClient("http://localhost:" + this.port, "olivia", "olivia");
		ModelFiles.deploy(olivia, Map.of("pmo-service-lifecycle.bpmn",
				ModelFiles.changedLifecycle().getBytes(StandardCharsets.UTF_8))).expect(200);
		try {
			Browser browser = Browser.open("http://localhost:" + this.port, "olivia", 1400, 1200);
			// she logs in through the portfolio's login and lands on the models page
			browser.go("/portfolio/models.html");
			browser.waitUntil("sent to the login", (d) -> d.getCurrentUrl().contains("/portfolio/login.html"));
			browser.type(browser.visible(By.id("username")), "olivia");
			browser.type(browser.visible(By.id("password")), "olivia");
			browser.click(By.xpath("//button[@type='submit']"));
			browser.waitUntil("the models page", (d) -> d.getCurrentUrl().endsWith("/portfolio/models.html") && loaded(browser));
			assertThat(browser.all(By.cssSelector("#models tr[data-key='" + ServiceLifecycleProcess.KEY + "']"))).isNotEmpty();

			// a dry run of the lifecycle from the version its lifecycles run on to the latest
			Select process = new Select(browser.visible(By.name("processKey")));
			process.selectByValue(ServiceLifecycleProcess.KEY);
			browser.click(By.name("dryRun"));
			String verdict = browser.waitUntil("the dry run", (d) -> {
				String text = browser.visible(By.id("dry-run-verdict")).getText();
				return text.isEmpty() ? null : text;
			});
			assertThat(verdict).contains("every instance can move");
			assertThat(browser.all(By.cssSelector("#instructions tbody tr"))).extracting(WebElement::getText)
				.anySatisfy((row) -> assertThat(row).contains("Task_JustifyService"));
			browser.settle();
			browser.screenshot("models/01-olivia-dry-run");

			// then the migration, run by the engine as a batch
			browser.waitUntil("Migrate enabled", (d) -> browser.visible(By.id("migrate")).isEnabled());
			browser.click(By.id("migrate"));
			browser.waitUntil("the report", (d) -> browser.visible(By.id("report")).isDisplayed());
			EngineBatches.runToTheEnd(this.engine.getManagementService());
			browser.waitUntil("the migration done", Duration.ofSeconds(30),
					(d) -> "true".equals(browser.visible(By.id("report")).getDomAttribute("data-done")));
			assertThat(browser.all(By.cssSelector("#report-instances tbody tr"))).isNotEmpty()
				.allSatisfy((row) -> assertThat(row.getDomAttribute("data-state")).isEqualTo("MIGRATED"));
			assertThat(browser.visible(By.id("consistency")).getText()).contains("catalog and engine agree");
			browser.settle();
			browser.screenshot("models/02-olivia-migrated");

			// and the decisions, in her read-only Cockpit
			browser.go("/camunda/app/cockpit/default/#/decisions");
			browser.waitUntil("the decisions", Duration.ofSeconds(30),
					(d) -> d.getPageSource().contains("Rate business case") || d.getPageSource().contains("business-case-strength"));
			browser.settle();
			browser.screenshot("models/03-olivia-cockpit-decisions");
			browser.close();
		}
		finally {
			ModelFiles.deploy(olivia, ModelFiles.shippedFiles()).expect(200);
			// the business case that waited leaves the board's inbox to the other tests: the application declines it
			this.engine.getTaskService()
				.createTaskQuery()
				.processInstanceBusinessKey(waiting)
				.list()
				.forEach((task) -> this.engine.getTaskService()
					.complete(task.getId(), LifecycleForms.decision(Decision.REJECT, "Business case")));
		}

		// the PMO managers' Cockpit shows the decisions too
		Browser mark = Browser.open("http://localhost:" + this.port, "mark", 1400, 900);
		{
			Webapps.login(mark, "/camunda/app/cockpit/default/", "mark", "mark");
			mark.go("/camunda/app/cockpit/default/#/decisions");
			mark.waitUntil("the decisions", Duration.ofSeconds(30),
					(d) -> d.getPageSource().contains("Rate business case") || d.getPageSource().contains("business-case-strength"));
			mark.settle();
			mark.screenshot("models/04-mark-cockpit-decisions");
			mark.close();
		}
	}

	private static boolean loaded(Browser browser) {
		return "true".equals(browser.script("return document.body.getAttribute('data-loaded');"));
	}

}
