package org.pmo.servicelifecycle.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser session with the Camunda webapps: login as Tasklist does, then calls of the webapps' own engine API
 * with the session cookie and the CSRF token, the way Tasklist makes them.
 */
final class WebappSession {

	private final String base;

	private final HttpClient client;

	private final CookieManager cookies = new CookieManager();

	private WebappSession(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	static WebappSession login(int port, String user, String password) {
		WebappSession session = new WebappSession(port);
		session.get("/camunda/app/tasklist/");
		HttpResponse<String> login = session.send(HttpRequest.newBuilder(session.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password))));
		if (login.statusCode() != 200) {
			throw new IllegalStateException("Login of " + user + " failed: " + login.statusCode() + " " + login.body());
		}
		// the session after login gets its own CSRF token on the next page load, as in the browser
		session.get("/camunda/app/tasklist/");
		return session;
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
	}

	HttpResponse<String> postJson(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		request.header("Origin", this.base).header("Referer", this.base + "/camunda/app/tasklist/");
		// the webapps send back the CSRF token of the session from its cookie, as Tasklist does
		this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> "XSRF-TOKEN".equals(cookie.getName()))
			.reduce((first, last) -> last)
			.ifPresent((cookie) -> request.header("X-XSRF-TOKEN", cookie.getValue()));
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String cookieNames() {
		return this.cookies.getCookieStore().getCookies().toString();
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
