package org.pmo.servicelifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;

/**
 * The product's HTTP APIs as one user over HTTP Basic, the way an integration calls them: the catalog API, the engine
 * REST API's tasks, messages and jobs.
 */
public final class ApiClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final String user;

	private final String authorization;

	public ApiClient(String baseUrl, String user, String password) {
		this.baseUrl = baseUrl;
		this.user = user;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	/** A request for a new service; returns its code. */
	public String requestService(ServiceRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", request.name());
		body.put("description", request.description());
		body.put("customerSegments", request.customerSegments().stream().map(Enum::name).sorted().toList());
		if (request.offeringLevel() != null) {
			body.put("offeringLevel", request.offeringLevel().name());
		}
		return post("/api/services", body).expect(201).body().get("code").asText();
	}

	public JsonNode service(String code) {
		return get("/api/services/" + code).expect(200).body();
	}

	public String stage(String code) {
		return service(code).get("stage").asText();
	}

	public List<JsonNode> tasks(String code, String taskKey) {
		return list(get("/engine-rest/task?processInstanceBusinessKey=" + encode(code) + "&taskDefinitionKey="
				+ encode(taskKey)).expect(200).body());
	}

	/** Claims the one open task of the service at the given element and completes it with the fields. */
	public void complete(String code, String taskKey, Map<String, ?> fields) {
		List<JsonNode> open = tasks(code, taskKey);
		if (open.size() != 1) {
			throw new AssertionError("Expected one open " + taskKey + " of " + code + " but found " + open.size());
		}
		completeTask(open.get(0).get("id").asText(), fields);
	}

	public void completeTask(String taskId, Map<String, ?> fields) {
		post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", this.user)).expect(204);
		Map<String, Object> variables = new LinkedHashMap<>();
		fields.forEach((name, value) -> variables.put(name, variable(value)));
		post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables)).expect(204, 200);
	}

	/** A value as the engine REST API takes it; JSON values (a form's lists) typed as Tasklist sends them. */
	public static Map<String, Object> variable(Object value) {
		if (value instanceof SerializableValue json && json.getType() != null && "json".equals(json.getType().getName())) {
			return Map.of("value", json.getValueSerialized(), "type", "Json");
		}
		return Map.of("value", value);
	}

	public void requestReview(String code, String reason) {
		post("/engine-rest/message", Map.of("messageName", ServiceLifecycleProcess.MESSAGE_REVIEW_REQUESTED,
				"businessKey", code, "processVariables",
				Map.of(ServiceLifecycleProcess.Variables.REVIEW_REASON, Map.of("value", reason))))
			.expect(204, 200);
	}

	/** Runs the job at the element in one of the service's processes now (an administrator's right). */
	public void runJob(String code, String activityId) {
		for (JsonNode instance : list(get("/engine-rest/process-instance?businessKey=" + encode(code)).expect(200)
			.body())) {
			List<JsonNode> jobs = list(get("/engine-rest/job?processInstanceId=" + encode(instance.get("id").asText())
					+ "&activityId=" + encode(activityId)).expect(200).body());
			if (!jobs.isEmpty()) {
				post("/engine-rest/job/" + jobs.get(0).get("id").asText() + "/execute", Map.of()).expect(204);
				return;
			}
		}
		throw new AssertionError("No job at " + activityId + " for " + code);
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET());
	}

	public Response post(String path, Object body) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(write(body))));
	}

	/**
	 * A PUT as a careful client sends it: a change of the catalog API names, in {@code If-Match}, the version it read
	 * just before (none when the resource does not exist yet).
	 */
	public Response put(String path, Object body) {
		return send("PUT", path, body, readTag(path));
	}

	/** A PATCH of the catalog API, with the {@code If-Match} of the version just read. */
	public Response patch(String path, Object body) {
		return send("PATCH", path, body, readTag(path));
	}

	/** A request as given: a JSON body (or none) and the headers in pairs of name and value. */
	public Response send(String method, String path, Object body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString((body instanceof String text) ? text : write(body)));
		if (body != null && java.util.stream.IntStream.iterate(0, (i) -> i < headers.length, (i) -> i + 2)
			.noneMatch((i) -> headers[i].equalsIgnoreCase("Content-Type"))) {
			request.header("Content-Type", "application/json");
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	private String[] readTag(String path) {
		if (!path.startsWith("/api/")) {
			return new String[0];
		}
		Response current = get(path);
		String tag = current.header("ETag");
		return (current.status() == 200 && tag != null) ? new String[] { "If-Match", tag } : new String[0];
	}

	/** A multipart form, as Camunda Modeler deploys: text fields, then files by name. */
	public Response postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files) {
		String boundary = "----pmo" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		files.forEach((name, bytes) -> {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
					+ name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(bytes);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		});
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).DELETE());
	}

	/** A JSON body written as text, sent as it is. */
	public static JsonNode json(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(
					request.header("Authorization", this.authorization).timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			JsonNode json = (body == null || body.isBlank()) ? MissingNode.getInstance() : JSON.readTree(body);
			return new Response(response.statusCode(), json, body, response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static List<JsonNode> list(JsonNode array) {
		List<JsonNode> items = new ArrayList<>();
		array.forEach(items::add);
		return items;
	}

	private static String write(Object body) {
		try {
			return JSON.writeValueAsString(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A response; {@code body} is the parsed JSON (missing when empty), {@code text} the raw body. */
	public record Response(int status, JsonNode body, String text, java.net.http.HttpHeaders headers) {

		/** The first value of a header, or null. */
		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		public Response expect(int... statuses) {
			for (int expected : statuses) {
				if (this.status == expected) {
					return this;
				}
			}
			throw new AssertionError("HTTP " + this.status + ": " + this.text);
		}

	}

}
