package org.pmo.servicelifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;

/**
 * The portfolio's pages change the catalog API on the webapps' session only with the session's CSRF token in the
 * header: a request from another site, which cannot read the token, changes nothing.
 */
class SessionChangesTests extends WebTestSupport {

	private static final String REQUEST = """
			{"name": "Session request %s", "description": "Raised from the customer's page",
			 "customerSegments": ["PROJECT_MANAGERS"]}""";

	@Test
	void shouldTakeAChangeOnTheSessionOnlyWithItsToken() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String token = logIn(browser, "paul");

		assertThat(post(browser, "/api/services", REQUEST.formatted("without"), null).statusCode()).isEqualTo(401);
		assertThat(post(browser, "/api/services", REQUEST.formatted("forged"), "forged-" + token).statusCode())
			.isEqualTo(401);
		HttpResponse<String> accepted = post(browser, "/api/services", REQUEST.formatted("with"), token);
		assertThat(accepted.statusCode()).isEqualTo(201);
		assertThat(accepted.body()).contains("\"requestedBy\":\"paul\"");
		// the engine's REST API stays HTTP Basic only, token or not
		assertThat(post(browser, "/engine-rest/message", "{\"messageName\": \"ServiceReviewRequested\"}", token)
			.statusCode()).isEqualTo(401);
		// and the token gives no more than the person's own rights
		assertThat(post(browser, "/api/customers", "{\"name\": \"X\", \"segment\": \"END_USERS\", "
				+ "\"contactEmail\": \"x@example.org\"}", token).statusCode()).isEqualTo(403);
	}

	@Test
	void shouldTakeAChangeOnTheGroupsThePersonHasNowNotThoseOfHisLogin() throws Exception {
		String user = "rosa" + System.nanoTime();
		this.organisation.ensureUser(user, "Rosa", "Lind", user, org.pmo.servicelifecycle.identity.Groups.SERVICE_CUSTOMERS);
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String token = logIn(browser, user);
		assertThat(post(browser, "/api/services", REQUEST.formatted(user + " before"), token).statusCode()).isEqualTo(201);

		// when she leaves the customers' group while her session goes on
		this.engine.getIdentityService().deleteMembership(user, org.pmo.servicelifecycle.identity.Groups.SERVICE_CUSTOMERS);

		// then her session changes nothing more
		assertThat(post(browser, "/api/services", REQUEST.formatted(user + " after"), token).statusCode()).isEqualTo(403);
		this.engine.getIdentityService().deleteUser(user);
		assertThat(post(browser, "/api/services", REQUEST.formatted(user + " gone"), token).statusCode()).isEqualTo(401);
	}

	@Test
	void shouldKeepThePortfolioAndTheApiOutOfOtherPagesFrames() throws Exception {
		HttpResponse<String> api = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/api/services")).build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> login = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/portfolio/login.html")).build(), HttpResponse.BodyHandlers.ofString());
		for (HttpResponse<String> response : java.util.List.of(api, login)) {
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
		}
		assertThat(api.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	/** Logs in as Tasklist's login does; returns the session's CSRF token. */
	private String logIn(HttpClient browser, String user) throws Exception {
		HttpResponse<String> first = browser.send(HttpRequest.newBuilder(uri("/camunda/app/welcome/default/")).build(),
				HttpResponse.BodyHandlers.ofString());
		String loginToken = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/welcome"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", loginToken)
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(200);
		// the login starts a new session with a token of its own, which the application hands to its pages
		HttpResponse<String> given = browser.send(HttpRequest.newBuilder(uri("/api/session/token")).build(),
				HttpResponse.BodyHandlers.ofString());
		if (given.statusCode() == 404) {
			// a session that has not met the webapps yet gets its token from their first answer
			browser.send(HttpRequest.newBuilder(uri("/camunda/app/welcome/default/")).build(),
					HttpResponse.BodyHandlers.ofString());
			given = browser.send(HttpRequest.newBuilder(uri("/api/session/token")).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		assertThat(given.statusCode()).isEqualTo(200);
		String token = given.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		// another client, without the session, gets none
		assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/session/token")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
		return token;
	}

	private HttpResponse<String> post(HttpClient browser, String path, String body, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
		return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
