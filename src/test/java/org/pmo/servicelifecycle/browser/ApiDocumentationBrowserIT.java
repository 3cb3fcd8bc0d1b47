package org.pmo.servicelifecycle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pmo.servicelifecycle.TestUsers;
import org.pmo.servicelifecycle.identity.Organisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * An integrator logged in to the Camunda webapps reads the API's documentation in Swagger UI: the application's
 * document, every operation listed, and the engine's own document offered beside it. Screenshots in
 * {@code target/browser-screenshots/api/}.
 */
@ChromiumTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiDocumentationBrowserIT {

	@LocalServerPort
	private int port;

	@Autowired
	private Organisation organisation;

	@Test
	void shouldShowTheApiInSwaggerUiToALoggedInUser() {
		TestUsers.create(this.organisation);
		try (Browser browser = Browser.open("http://localhost:" + this.port, "mark", 1400, 1600)) {
			Webapps.login(browser, "/camunda/app/tasklist/default/", "mark", "mark");
			browser.waitUntil("logged in", (d) -> d.getCurrentUrl().contains("/tasklist/") && !browser.present(
					By.cssSelector("input[type='password']")));
			browser.go("/swagger-ui/index.html");
			browser.waitUntil("the operations", (d) -> browser.all(By.cssSelector(".opblock")).size() > 20);
			String page = browser.visible(By.tagName("body")).getText();
			assertThat(page).contains("PMO Service Lifecycle API", "/api/services/{code}/offerings",
					"/api/customers/{id}/subscriptions");
			assertThat(browser.all(By.cssSelector("select option")))
				.extracting((option) -> option.getText())
				.contains("PMO Service Lifecycle (/api)", "Camunda engine REST (/engine-rest)");
			browser.screenshot("api/01-swagger-ui");
		}
	}

}
