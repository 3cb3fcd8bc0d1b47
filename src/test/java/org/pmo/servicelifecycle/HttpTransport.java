package org.pmo.servicelifecycle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.demo.LifecycleTransport;

/**
 * The driver's steps over HTTP, as people's browsers and integrations take them: the catalog API for requests, the
 * engine REST API for tasks and messages, each as its user over HTTP Basic; jobs are run by an administrator.
 */
public final class HttpTransport implements LifecycleTransport {

	private final String baseUrl;

	private final UnaryOperator<String> passwordOf;

	private final String administrator;

	private final Map<String, ApiClient> clients = new ConcurrentHashMap<>();

	public HttpTransport(String baseUrl, UnaryOperator<String> passwordOf, String administrator) {
		this.baseUrl = baseUrl;
		this.passwordOf = passwordOf;
		this.administrator = administrator;
	}

	/** The demo organisation's people (password = user id), with {@code demo} as administrator. */
	public static HttpTransport demo(String baseUrl) {
		return new HttpTransport(baseUrl, UnaryOperator.identity(), "demo");
	}

	public ApiClient client(String user) {
		return this.clients.computeIfAbsent(user, (id) -> new ApiClient(this.baseUrl, id, this.passwordOf.apply(id)));
	}

	@Override
	public String request(String user, ServiceRequest request) {
		return client(user).requestService(request);
	}

	@Override
	public void complete(String user, String code, String taskKey, Map<String, Object> fields) {
		client(user).complete(code, taskKey, fields);
	}

	@Override
	public void requestReview(String user, String code, String reason) {
		client(user).requestReview(code, reason);
	}

	@Override
	public void runJob(String code, String activityId) {
		client(this.administrator).runJob(code, activityId);
	}

}
