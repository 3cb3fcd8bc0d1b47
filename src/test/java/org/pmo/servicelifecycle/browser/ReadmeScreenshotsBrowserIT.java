package org.pmo.servicelifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.PmoServiceRepository;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The README's screenshots, on the demo catalog: Tasklist with a Camunda Form, Cockpit with a running lifecycle and
 * the portfolio page. Every {@code ./mvnw verify} takes them into {@code target/browser-screenshots/readme/}; with
 * {@code -Dpmo.readme-screenshots=true} they also replace the ones in {@code docs/images/}:
 *
 * <pre>
 * ./mvnw verify -Dit.test=ReadmeScreenshotsBrowserIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dpmo.readme-screenshots=true
 * </pre>
 */
@ChromiumTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pmo.demo.enabled=true")
@ActiveProfiles("test")
class ReadmeScreenshotsBrowserIT {

	static final Path DOCS_IMAGES = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("docs/images");

	@LocalServerPort
	private int port;

	@Autowired
	private PmoServiceRepository services;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private TaskService taskService;

	@Test
	void shouldTakeTheReadmeScreenshots() throws IOException {
		List<Path> shots = List.of(tasklistWithAForm(), cockpitWithARunningLifecycle(), portfolioPage());

		for (Path shot : shots) {
			assertThat(Files.size(shot)).as(shot.getFileName().toString()).isBetween(10_000L, 400_000L);
		}
		if (Boolean.getBoolean("pmo.readme-screenshots")) {
			Files.createDirectories(DOCS_IMAGES);
			for (Path shot : shots) {
				Files.copy(shot, DOCS_IMAGES.resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
			System.out.println("[browser tests] README screenshots written to " + DOCS_IMAGES);
		}
	}

	/** The PMO manager evaluating the fresh request, the form filled in and not completed (nor kept claimed). */
	private Path tasklistWithAForm() {
		PmoService request = inStage(Stage.PROPOSED);
		Browser mark = browser("mark", 1400, 1250);
		Tasklist tasklist = Tasklist.login(mark, "mark");
		tasklist.openFilter("PMO managers' tasks");
		tasklist.openTask("Evaluate service need", request.getName());
		tasklist.claim()
			.select("Fit with PMO strategy", "High")
			.number("Value to the organisation (1 = low, 5 = high)", 4)
			.choose("Decision", "Approve: design the service");
		mark.settle();
		mark.scrollToTop(mark.visible(By.cssSelector("[cam-tasklist-task] h2.task")));
		Path shot = mark.screenshot("readme/tasklist-form");
		mark.close();
		// the other browser tests find the request as the demo left it
		Task task = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(request.getCode())
			.taskDefinitionKey(Lifecycle.TASK_EVALUATE_NEED)
			.singleResult();
		this.taskService.setAssignee(task.getId(), null);
		return shot;
	}

	/** A live service's lifecycle with its periodic review waiting, in Cockpit's process instance view. */
	private Path cockpitWithARunningLifecycle() {
		String lifecycle = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ServiceLifecycleProcess.KEY)
			.activityIdIn(Lifecycle.TASK_REVIEW_SERVICE)
			.list()
			.get(0)
			.getId();
		Browser demo = browser("demo", 1600, 1000);
		Webapps.login(demo, "/camunda/app/cockpit/default/", "demo", "demo");
		demo.visible(By.xpath("//a[normalize-space(.)='Processes']"));
		demo.go("/camunda/app/cockpit/default/#/process-instance/" + lifecycle + "/runtime");
		demo.visible(By.xpath("//*[contains(@class,'breadcrumb') or @cam-breadcrumbs-panel]//*[contains(., '" + lifecycle + "')]"));
		demo.visible(By.cssSelector(".djs-container svg .djs-element[data-element-id='" + Lifecycle.TASK_REVIEW_SERVICE + "']"));
		demo.visible(By.cssSelector(".djs-overlay"));
		demo.visible(By.xpath("//td[normalize-space(.)='serviceCode']"));
		demo.settle();
		Path shot = demo.screenshot("readme/cockpit-lifecycle");
		demo.close();
		return shot;
	}

	/** The portfolio page as a PMO manager sees it. */
	private Path portfolioPage() {
		Browser mark = browser("mark", 1400, 1000);
		Webapps.login(mark, Tasklist.PATH, "mark", "mark");
		PortfolioPage.open(mark);
		mark.fitPageHeight();
		Path shot = mark.screenshot("readme/portfolio");
		mark.close();
		return shot;
	}

	private PmoService inStage(Stage stage) {
		return this.services.findAll()
			.stream()
			.filter((s) -> s.getStage() == stage)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no service in " + stage));
	}

	private Browser browser(String name, int width, int height) {
		return Browser.open("http://localhost:" + this.port, name, width, height);
	}

}
