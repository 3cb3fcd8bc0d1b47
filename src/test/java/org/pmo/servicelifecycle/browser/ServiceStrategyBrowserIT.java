package org.pmo.servicelifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pmo.servicelifecycle.catalog.PmoService;
import org.pmo.servicelifecycle.catalog.PmoServiceRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Service Strategy on the demo data, as the board uses it: sara opens the yearly portfolio review in Tasklist, reads
 * the advice (the mandated services kept, the low-value service that does not fit the capacity to retire, and why),
 * accepts it; the service's unscheduled review reaches mark's inbox, and the portfolio page shows each objective's
 * coverage before and after.
 */
@ChromiumTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pmo.demo.enabled=true")
@ActiveProfiles("test")
class ServiceStrategyBrowserIT {

	private static final String REVIEW_TASK = "Review service portfolio";

	@LocalServerPort
	private int port;

	@Autowired
	private PmoServiceRepository services;

	@Test
	void theBoardTakesTheYearlyPortfolioReviewsAdvice() {
		PmoService templates = named("Template library upkeep");
		PmoService report = named("Monthly portfolio report");
		PmoService stageGate = named("Stage-gate assurance review");

		// sara opens the yearly review
		Browser sara = browser("sara");
		Tasklist tasklist = Tasklist.login(sara, "sara");
		tasklist.openFilter("Portfolio board's tasks");
		CamundaForm form = tasklist.openTask(REVIEW_TASK);
		String summary = form.value("The portfolio, the recommended mix and what changed");
		assertThat(summary).contains("Solver: proven optimal", "Capacity", "Binding: capacity",
				"Coverage per objective");
		@SuppressWarnings("unchecked")
		List<String> advice = (List<String>) sara.script("""
				return Array.from(document.querySelectorAll('[cam-tasklist-task] .fjs-form-field-table tbody tr'))
				  .map(function (row) {
				    var cells = Array.from(row.querySelectorAll('td')).map(function (cell) { return cell.innerText.trim(); });
				    return cells[0] + ' ' + cells[1] + ' (' + cells[2] + '): ' + cells[3] + ' — ' + cells[4];
				  });""");
		assertThat(lineOf(advice, report)).contains(": keep — Kept: a mandated service");
		assertThat(lineOf(advice, stageGate)).contains(": keep — Kept: a mandated service");
		assertThat(lineOf(advice, templates)).contains(": retire — Left out", "person-days", "capacity binds");
		sara.screenshot("strategy/01-sara-portfolio-review");

		// she accepts the advice
		tasklist.claim();
		sara.settle();
		sara.screenshot("strategy/02-sara-portfolio-review-claimed");
		tasklist.complete();
		tasklist.completed(REVIEW_TASK);

		// the retired service's review waits for the PMO managers
		Browser mark = browser("mark");
		Tasklist marks = Tasklist.login(mark, "mark");
		marks.openFilter("PMO managers' tasks");
		CamundaForm review = marks.openTask("Review service", templates.getName());
		assertThat(review.value("Service name")).isEqualTo(templates.getName());
		mark.screenshot("strategy/03-mark-unscheduled-review");
		mark.close();

		// the portfolio page shows coverage before and after the review's decisions
		PortfolioPage.open(sara);
		sara.visible(By.cssSelector("#strategy #coverage tbody tr[data-objective]"));
		Map<String, List<String>> coverage = new java.util.LinkedHashMap<>();
		for (WebElement row : sara.all(By.cssSelector("#coverage tbody tr[data-objective]"))) {
			coverage.put(row.getDomAttribute("data-objective"),
					row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
		}
		assertThat(coverage).containsKeys("Predictable delivery", "Informed executive decisions",
				"Capable project managers", "Benefits realised");
		// every objective has its coverage before and after; retiring the template library and starting the risk
		// workshops changes what predictable delivery gets
		assertThat(coverage.values()).allSatisfy((cells) -> assertThat(cells.get(4)).matches("\\d+"))
			.allSatisfy((cells) -> assertThat(cells.get(5)).matches("\\d+"));
		List<String> delivery = coverage.get("Predictable delivery");
		assertThat(delivery.get(5)).isNotEqualTo(delivery.get(4));
		assertThat(sara.all(By.cssSelector("#review-decisions tbody tr[data-code]")))
			.anySatisfy((row) -> assertThat(row.getText()).contains(templates.getCode(), "retire"));
		sara.fitPageHeight();
		sara.screenshot("strategy/04-portfolio-page-strategy");
		sara.close();
	}

	private static String lineOf(List<String> advice, PmoService service) {
		return advice.stream()
			.filter((line) -> line.startsWith(service.getCode() + " "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no advice for " + service.getCode() + " in " + advice));
	}

	private PmoService named(String name) {
		return this.services.findAll()
			.stream()
			.filter((service) -> service.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no demo service " + name));
	}

	private Browser browser(String name) {
		return Browser.open("http://localhost:" + this.port, name, 1400, 1400);
	}

}
