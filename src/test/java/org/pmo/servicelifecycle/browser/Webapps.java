package org.pmo.servicelifecycle.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The login form the Camunda webapps (Tasklist, Cockpit, Admin, Welcome) share, and their notifications. */
public final class Webapps {

	static final By USERNAME = By.cssSelector("input[placeholder='Username']");

	static final By PASSWORD = By.cssSelector("input[placeholder='Password']");

	private Webapps() {
	}

	/** Opens the path, which shows the login form to an anonymous visitor, and logs in there. */
	public static void login(Browser browser, String path, String user, String password) {
		browser.go(path);
		logIn(browser, user, password);
	}

	/** Logs in on the login form the browser shows. */
	public static void logIn(Browser browser, String user, String password) {
		// the login page may still be settling (autofocus) while keys arrive: type until both fields hold what was typed
		browser.waitUntil("login form of " + user + " filled", (d) -> {
			browser.type(browser.visible(USERNAME), user);
			browser.type(browser.visible(PASSWORD), password);
			return user.equals(browser.visible(USERNAME).getDomProperty("value"))
					&& password.equals(browser.visible(PASSWORD).getDomProperty("value"));
		});
		browser.click(By.xpath("//button[@type='submit'][normalize-space(.)='Log in']"));
		browser.waitUntil("login of " + user + " accepted", (d) -> !browser.present(USERNAME));
	}

	public static boolean showsLoginForm(Browser browser) {
		return browser.present(USERNAME) && browser.present(PASSWORD);
	}

	/** The texts of the notifications shown now, e.g. "The process has been started." */
	public static List<String> notifications(Browser browser) {
		return browser.all(By.cssSelector(".notifications .alert"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map((alert) -> alert.getText().replace("×", "").replaceAll("\\s+", " ").trim())
			.toList();
	}

	static List<String> errorNotifications(Browser browser) {
		return browser.all(By.cssSelector(".notifications .alert-danger"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map((alert) -> alert.getText().replace("×", "").replaceAll("\\s+", " ").trim())
			.toList();
	}

}
