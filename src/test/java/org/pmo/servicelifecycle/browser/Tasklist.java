package org.pmo.servicelifecycle.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Tasklist as a person uses it: filters, the task list, a task with its form, the start dialog. */
public final class Tasklist {

	static final String PATH = "/camunda/app/tasklist/default/";

	private static final String TASK_VIEW = "[cam-tasklist-task]";

	private static final String START_DIALOG = ".modal-dialog";

	private final Browser browser;

	private Tasklist(Browser browser) {
		this.browser = browser;
	}

	/** Logs in to Tasklist (the demo users' password is their id) and waits for the user's filters. */
	public static Tasklist login(Browser browser, String user) {
		Webapps.login(browser, PATH, user, user);
		Tasklist tasklist = new Tasklist(browser);
		browser.waitUntil("filters of " + user, (d) -> !tasklist.filters().isEmpty()
				|| browser.present(By.cssSelector("[cam-tasklist-filters] .well")));
		return tasklist;
	}

	/** The names of the filters in the left column. */
	@SuppressWarnings("unchecked")
	public List<String> filters() {
		return (List<String>) this.browser.script("""
				return Array.from(document.querySelectorAll('[cam-tasklist-filters] .task-filter h4.name a'))
				  .map(function (a) { return a.childNodes[0].textContent.trim(); });""");
	}

	public Tasklist openFilter(String name) {
		this.browser.waitUntil("filter " + name, (d) -> filters().contains(name));
		By filter = By.xpath("//*[@cam-tasklist-filters]//div[contains(@class,'task-filter')][.//h4/a[normalize-space(text()[1])="
				+ Xpath.literal(name) + "]]");
		this.browser.click(By.xpath("//*[@cam-tasklist-filters]//div[contains(@class,'task-filter')]//h4/a[normalize-space(text()[1])="
				+ Xpath.literal(name) + "]"));
		this.browser.waitUntil("filter " + name + " active",
				(d) -> d.findElement(filter).getDomAttribute("class").contains("active"));
		this.browser.waitUntil("tasks of " + name + " loaded", (d) -> !this.browser
			.present(By.cssSelector("[cam-tasks] .loader"))
				&& (this.browser.present(By.cssSelector("[cam-tasks] li.task"))
						|| this.browser.present(By.xpath("//*[@cam-tasks]//*[contains(., 'No task matching filters found')]"))));
		return this;
	}

	/** The task cards of the open filter, each as its text (task name, process, dates, service code where shown). */
	public List<String> taskCards() {
		return this.browser.all(By.cssSelector("[cam-tasks] li.task"))
			.stream()
			.map((card) -> card.getText().replaceAll("\\s+", " ").trim())
			.toList();
	}

	/**
	 * Opens the task of that name whose form shows the service name (the task cards of some groups show no service
	 * code), waiting for it to be listed, and returns its form (not claimed yet).
	 */
	/** Opens the first listed task of that name (a task about no one service, such as the portfolio review). */
	public CamundaForm openTask(String taskName) {
		By card = By.xpath("//*[@cam-tasks]//li[contains(@class,'task')]//h4[contains(@class,'task')]/a[normalize-space(.)="
				+ Xpath.literal(taskName) + "]");
		By heading = By.xpath("//*[@cam-tasklist-task]//h2[contains(@class,'task')][normalize-space(.)="
				+ Xpath.literal(taskName) + "]");
		this.browser.waitUntil("open " + taskName, (d) -> {
			this.browser.click(d.findElement(card));
			return true;
		});
		this.browser.visible(heading);
		return new CamundaForm(this.browser, TASK_VIEW);
	}

	public CamundaForm openTask(String taskName, String serviceName) {
		By cards = By.xpath("//*[@cam-tasks]//li[contains(@class,'task')]//h4[contains(@class,'task')]/a[normalize-space(.)="
				+ Xpath.literal(taskName) + "]");
		By heading = By.xpath("//*[@cam-tasklist-task]//h2[contains(@class,'task')][normalize-space(.)="
				+ Xpath.literal(taskName) + "]");
		int count = this.browser.waitUntil(taskName + " listed", (d) -> {
			int listed = d.findElements(cards).size();
			return (listed > 0) ? listed : null;
		});
		for (int i = 0; i < count; i++) {
			int index = i;
			this.browser.waitUntil("open " + taskName + " #" + (index + 1), (d) -> {
				this.browser.click(d.findElements(cards).get(index));
				return true;
			});
			this.browser.visible(heading);
			CamundaForm form = new CamundaForm(this.browser, TASK_VIEW);
			String shown = this.browser.waitUntil("service name of " + taskName, (d) -> {
				String value = form.value("Service name");
				return (value == null || value.isEmpty()) ? null : value;
			});
			if (serviceName.equals(shown)) {
				return form;
			}
		}
		throw new AssertionError("no task " + taskName + " of " + serviceName + " in the list: " + taskCards());
	}

	/** Opens a task by its id, as a link to it would. */
	public void openTaskById(String taskId) {
		this.browser.go(PATH + "#/?task=" + taskId);
	}

	public boolean canClaim() {
		return this.browser.present(By.cssSelector(TASK_VIEW + " button.claim"));
	}

	/** Waits until the open task offers "Claim": nobody holds it and the user may work on it. */
	public void waitUntilClaimable() {
		this.browser.visible(By.cssSelector(TASK_VIEW + " button.claim"));
	}

	/** Claims the open task, which enables its form. */
	public CamundaForm claim() {
		this.browser.click(By.cssSelector(TASK_VIEW + " button.claim"));
		this.browser.waitUntil("task claimed", (d) -> !canClaim());
		return new CamundaForm(this.browser, TASK_VIEW);
	}

	/** Whether Tasklist enables "Complete" within the time: it does once form-js reports the form valid. */
	public boolean completeEnabledWithin(java.time.Duration time) {
		By complete = By.xpath("//*[@cam-tasklist-task]//button[normalize-space(.)='Complete']");
		try {
			this.browser.waitUntil("Complete enabled", time,
					(d) -> d.findElements(complete).stream().anyMatch(org.openqa.selenium.WebElement::isEnabled));
			return true;
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			return false;
		}
	}

	/** Saves the open task's form, loads the page again and returns the task's form as Tasklist restores it. */
	public CamundaForm saveAndReopen() {
		this.browser.blurActiveElement();
		this.browser.closeNotifications();
		this.browser.click(By.xpath("//*[@cam-tasklist-task]//button[normalize-space(.)='Save']"));
		this.browser.settle();
		this.browser.driver().navigate().refresh();
		this.browser.visible(By.cssSelector(TASK_VIEW + " form.fjs-form .fjs-form-field"));
		return new CamundaForm(this.browser, TASK_VIEW);
	}

	/** The task open when Complete was last clicked, by its id in Tasklist's address. */
	private String completing;

	/** Clicks "Complete" of the open task; the form may refuse it, see {@link #completed(String)}. */
	public void complete() {
		String url = this.browser.url();
		int at = url.indexOf("task=");
		this.completing = (at < 0) ? null : url.substring(at + 5).split("[&#]")[0];
		this.browser.blurActiveElement();
		this.browser.closeNotifications();
		this.browser.click(By.xpath("//*[@cam-tasklist-task]//button[normalize-space(.)='Complete']"));
	}

	/** Waits until the task has left the list; fails with the message Tasklist shows if completing it failed. */
	public void completed(String taskName) {
		// the card of the task completed, when its id is known; other tasks of that name may still be listed
		By card = (this.completing != null)
				? By.xpath("//*[@cam-tasks]//li[contains(@class,'task')]//h4[contains(@class,'task')]/a[contains(@href, "
						+ Xpath.literal("task=" + this.completing) + ")]")
				: By.xpath("//*[@cam-tasks]//li[contains(@class,'task')]//h4[contains(@class,'task')]/a[normalize-space(.)="
						+ Xpath.literal(taskName) + "]");
		this.browser.waitUntil(taskName + " completed", (d) -> {
			List<String> errors = Webapps.errorNotifications(this.browser);
			if (!errors.isEmpty()) {
				throw new AssertionError("Tasklist did not complete " + taskName + ": " + errors);
			}
			return d.findElements(card).isEmpty();
		});
	}

	/** Opens "Start process", picks the process and returns its start form. */
	public CamundaForm startProcess(String processName) {
		this.browser.click(By.xpath("//a[normalize-space(.)='Start process']"));
		this.browser.click(By.xpath("//*[contains(@class,'modal-dialog')]//ul[contains(@class,'processes')]//a[normalize-space(.)="
				+ Xpath.literal(processName) + "]"));
		return new CamundaForm(this.browser, START_DIALOG);
	}

	/** Clicks "Start" in the start dialog. */
	public void start() {
		this.browser.blurActiveElement();
		this.browser.closeNotifications();
		this.browser.click(By.xpath("//*[contains(@class,'modal-dialog')]//button[normalize-space(.)='Start']"));
	}

	/** Waits until the start dialog has closed after starting the process. */
	public void started() {
		this.browser.waitUntil("process started", (d) -> {
			List<String> errors = this.browser.all(By.cssSelector(START_DIALOG + " .alert-danger"))
				.stream()
				.filter(WebElement::isDisplayed)
				.map(WebElement::getText)
				.toList();
			if (!errors.isEmpty()) {
				throw new AssertionError("Tasklist did not start the process: " + errors);
			}
			return !this.browser.present(By.cssSelector(START_DIALOG));
		});
	}

	/** The message the start dialog shows, e.g. "The process could not be started." */
	public String startDialogMessage() {
		return this.browser.visible(By.cssSelector(START_DIALOG + " .alert-danger")).getText().replace("×", "").trim();
	}

	public Browser browser() {
		return this.browser;
	}

}
