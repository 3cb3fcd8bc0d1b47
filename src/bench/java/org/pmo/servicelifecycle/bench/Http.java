package org.pmo.servicelifecycle.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for one user (HTTP Basic) or none, JSON in and out. */
final class Http {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	private final String authorization;

	Http(String baseUrl, String user, String password) {
		this.baseUrl = baseUrl;
		this.authorization = (user == null) ? null
				: "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	record Response(int status, String body, long nanos) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not JSON (" + this.status + "): " + this.body, ex);
			}
		}

		double millis() {
			return this.nanos / 1e6;
		}

	}

	Response get(String path) {
		return send(builder(path).GET().header("Accept", "application/json"));
	}

	Response post(String path, Object body) {
		return post(path, body, "application/json");
	}

	Response post(String path, Object body, String accept) {
		try {
			String text = (body instanceof String string) ? string : JSON.writeValueAsString(body);
			return send(builder(path).POST(HttpRequest.BodyPublishers.ofString(text))
				.header("Content-Type", "application/json")
				.header("Accept", accept));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Deploys BPMN files over the engine REST API (multipart/form-data). */
	Response deploy(String name, String fileName, byte[] content) {
		String boundary = "----bench" + UUID.randomUUID();
		StringBuilder head = new StringBuilder();
		head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n")
			.append(name).append("\r\n");
		head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\n")
			.append("true").append("\r\n");
		head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"data\"; filename=\"")
			.append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[start.length + content.length + end.length];
		System.arraycopy(start, 0, body, 0, start.length);
		System.arraycopy(content, 0, body, start.length, content.length);
		System.arraycopy(end, 0, body, start.length + content.length, end.length);
		return send(builder("/engine-rest/deployment/create").POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json"));
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(Duration.ofSeconds(60));
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		return builder;
	}

	private static Response send(HttpRequest.Builder builder) {
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), System.nanoTime() - started);
		}
		catch (IOException ex) {
			return new Response(-1, String.valueOf(ex), System.nanoTime() - started);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
