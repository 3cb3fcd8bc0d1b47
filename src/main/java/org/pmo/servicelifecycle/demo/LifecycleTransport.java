package org.pmo.servicelifecycle.demo;

import java.util.Map;

import org.pmo.servicelifecycle.catalog.ServiceRequest;

/**
 * How the {@link LifecycleDriver}'s steps reach the application: the Java API in the same JVM
 * ({@link EngineTransport}) or HTTP, each step as the person who takes it.
 */
public interface LifecycleTransport {

	/** Raises the request as the user; returns the new service's code. */
	String request(String user, ServiceRequest request);

	/** Claims the one open task at {@code taskKey} of the service and submits its form with the fields. */
	void complete(String user, String code, String taskKey, Map<String, Object> fields);

	/** Sends {@code ServiceReviewRequested} for the live service, as the agreement monitoring or an integrator does. */
	void requestReview(String user, String code, String reason);

	/** Runs the job (timer or asynchronous step) waiting at {@code activityId} of the service, as the job executor would. */
	void runJob(String code, String activityId);

}
