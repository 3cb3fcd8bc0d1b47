package org.pmo.servicelifecycle.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The portfolio page ({@code /portfolio/}) as a logged-in user sees it. */
public final class PortfolioPage {

	static final String PATH = "/portfolio/";

	private final Browser browser;

	private PortfolioPage(Browser browser) {
		this.browser = browser;
	}

	/** Opens the page and waits until its figures, its table and the diagram with its counts are drawn. */
	public static PortfolioPage open(Browser browser) {
		browser.go(PATH);
		return loaded(browser);
	}

	/** Waits until the page the browser shows has drawn its figures, table and diagram. */
	public static PortfolioPage loaded(Browser browser) {
		browser.visible(By.cssSelector("#phases .card"));
		browser.waitUntil("services listed", (d) -> !d.findElement(By.id("as-of")).getText().isBlank());
		browser.visible(By.cssSelector("#diagram svg .djs-element"));
		browser.visible(By.cssSelector("#diagram .waiting"));
		return new PortfolioPage(browser);
	}

	/** The number shown on each phase card, by phase (PIPELINE, CATALOG, RETIRED). */
	public Map<String, Integer> phaseCounts() {
		return counts("#phases .card", "data-phase");
	}

	/** The number shown on each stage card, by stage. */
	public Map<String, Integer> stageCounts() {
		return counts("#stages .card", "data-stage");
	}

	/** The table's rows: per service code, the texts of its cells. */
	public Map<String, List<String>> rows() {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (WebElement row : this.browser.all(By.cssSelector("#services tbody tr[data-code]"))) {
			rows.put(row.getDomAttribute("data-code"), row.findElements(By.tagName("td"))
				.stream()
				.map((cell) -> cell.getText().replaceAll("\\s+", " ").trim())
				.toList());
		}
		return rows;
	}

	/** The table's rows: per service code, what each cell stands for (the catalog's value where it shows a label). */
	public Map<String, List<String>> rowValues() {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (WebElement row : this.browser.all(By.cssSelector("#services tbody tr[data-code]"))) {
			rows.put(row.getDomAttribute("data-code"), row.findElements(By.tagName("td"))
				.stream()
				.map((cell) -> (cell.getDomAttribute("data-value") != null) ? cell.getDomAttribute("data-value")
						: cell.getText().replaceAll("\\s+", " ").trim())
				.toList());
		}
		return rows;
	}

	/** The listed services as the page's CSV link gives them, one line each after the header. */
	public List<String> csvLines() {
		String href = this.browser.visible(By.id("csv")).getDomAttribute("href");
		String csv = java.net.URLDecoder.decode(href.substring(href.indexOf(',') + 1), java.nio.charset.StandardCharsets.UTF_8);
		return List.of(csv.split("\r\n"));
	}

	/** Filters the table by stage ("all" for every stage). */
	public PortfolioPage filterStage(String stage) {
		new Select(this.browser.driver().findElement(By.cssSelector("#filters select[name='stage']")))
			.selectByValue("all".equals(stage) ? "" : stage);
		return this;
	}

	/** Types into the table's search field (code, name, owner). */
	public PortfolioPage search(String text) {
		WebElement search = this.browser.driver().findElement(By.cssSelector("#filters input[name='text']"));
		search.clear();
		if (!text.isEmpty()) {
			search.sendKeys(text);
		}
		return this;
	}

	/** Shows another lifecycle model in the diagram ("pmo-service-retirement", …) and waits for its counts. */
	public PortfolioPage showModel(String key) {
		new Select(this.browser.driver().findElement(By.id("model"))).selectByValue(key);
		this.browser.waitUntil("diagram of " + key, (d) -> !d
			.findElements(By.cssSelector("#diagram .djs-element[data-element-id='" + firstElementOf(key) + "']"))
			.isEmpty());
		return this;
	}

	/** The waiting count drawn on each step of the diagram, by element id. */
	public Map<String, Integer> waitingCounts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (WebElement overlay : this.browser.all(By.cssSelector("#diagram .waiting"))) {
			counts.put(overlay.getDomAttribute("data-activity"), Integer.valueOf(overlay.getDomProperty("textContent").trim()));
		}
		return counts;
	}

	/** Whether the diagram draws the element with that id. */
	public boolean draws(String elementId) {
		return this.browser.present(By.cssSelector("#diagram .djs-element[data-element-id='" + elementId + "']"));
	}

	private Map<String, Integer> counts(String selector, String attribute) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (WebElement card : this.browser.all(By.cssSelector(selector))) {
			counts.put(card.getDomAttribute(attribute), Integer.valueOf(card.findElement(By.tagName("b")).getText().trim()));
		}
		return counts;
	}

	private static String firstElementOf(String key) {
		return switch (key) {
			case "pmo-service-retirement" -> "Task_PlanRetirement";
			case "pmo-service-transform" -> "Task_RedesignService";
			default -> "Task_EvaluateNeed";
		};
	}

}
