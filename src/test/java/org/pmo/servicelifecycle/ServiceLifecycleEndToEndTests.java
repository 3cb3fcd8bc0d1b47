package org.pmo.servicelifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.OfferingLevel;
import org.pmo.servicelifecycle.catalog.ReviewOutcome;
import org.pmo.servicelifecycle.catalog.ServiceRequest;
import org.pmo.servicelifecycle.demo.LifecycleDriver;
import org.pmo.servicelifecycle.demo.People;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/**
 * One service from request to retirement, the way an integration drives it: the lifecycle driver over HTTP (the
 * catalog API to raise the request, the engine REST API to claim and complete each task with the form's fields, to
 * run timers and to send a message).
 */
class ServiceLifecycleEndToEndTests extends WebTestSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
	};


	@Test
	void shouldCarryServiceFromRequestToRetirementOverRest() {
		LifecycleDriver overHttp = new LifecycleDriver(HttpTransport.demo("http://localhost:" + this.port),
				People.DEMO);
		// a customer raises the request
		String code = overHttp.request(new ServiceRequest("Lessons-learned facilitation",
				"Workshop within 10 working days of closure",
				Set.of(CustomerSegment.PROJECT_MANAGERS, CustomerSegment.END_USERS), null));
		assertThat(stageOf(code)).isEqualTo("PROPOSED");

		overHttp.evaluateNeed(code, Decision.APPROVE, OfferingLevel.ADDITIONAL);
		assertThat(stageOf(code)).isEqualTo("DESIGN");

		overHttp.design(code, "P14D", "R/P6M");
		assertThat(stageOf(code)).isEqualTo("JUSTIFICATION");

		overHttp.justify(code, Decision.APPROVE);
		assertThat(stageOf(code)).isEqualTo("PILOT");

		overHttp.endPilot(code);
		overHttp.reviewPilot(code, Decision.APPROVE);
		assertThat(stageOf(code)).isEqualTo("IMPLEMENTATION");

		overHttp.approveGoLive(code, Decision.APPROVE);
		Map<String, Object> live = service(code);
		assertThat(live).containsEntry("stage", "OPERATION")
			.containsEntry("portfolioPhase", "CATALOG")
			.containsEntry("owner", "anna")
			.containsEntry("reviewCycle", "R/P6M")
			.containsEntry("pilotPeriod", "P14D");
		assertThat(live.get("nextReviewDue")).isNotNull();

		// the periodic review falls due, and the service continues
		overHttp.periodicReviewDue(code);
		overHttp.reviewService(code, ReviewOutcome.CONTINUE);
		assertThat(stageOf(code)).isEqualTo("OPERATION");

		// a complaint asks for an unscheduled review, which retires the service
		overHttp.review(code, "Customer complaint", ReviewOutcome.RETIRE);
		assertThat(stageOf(code)).isEqualTo("RETIREMENT");

		LocalDate retirementDay = LocalDate.parse("2027-03-31");
		overHttp.planRetirement(code, retirementDay);
		overHttp.approveRetirement(code, retirementDay, Decision.APPROVE);
		overHttp.notifyCustomers(code);
		overHttp.decommission(code);

		// then
		Map<String, Object> retired = service(code);
		assertThat(retired).containsEntry("stage", "RETIRED").containsEntry("portfolioPhase", "RETIRED");
		assertThat(retired.get("nextReviewDue")).isNull();
		assertThat(tasks(code)).isEmpty();
		List<Map<String, Object>> history = this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services/" + code + "/history", HttpMethod.GET, null, JSON_ARRAY)
			.getBody();
		assertThat(history).filteredOn((h) -> "STAGE_CHANGED".equals(h.get("kind")))
			.extracting((h) -> h.get("toStage"))
			.containsExactly("DESIGN", "JUSTIFICATION", "PILOT", "IMPLEMENTATION", "OPERATION", "RETIREMENT",
					"RETIRED");
		assertThat(history).filteredOn((h) -> "TASK_COMPLETED".equals(h.get("kind")))
			.extracting((h) -> h.get("activity") + "/" + h.get("actor") + "/" + h.get("decision"))
			.contains("Approve business case/sara/approve", "Review service/mark/retire",
					"Approve retirement/sara/approve");
		assertThat(history).extracting((h) -> h.get("kind")).contains("CUSTOMERS_NOTIFIED", "DECOMMISSIONED");
	}

	private List<Map<String, Object>> tasks(String code) {
		return this.rest.withBasicAuth("demo", "demo")
			.exchange("/engine-rest/task?processInstanceBusinessKey={code}", HttpMethod.GET, null, JSON_ARRAY, code)
			.getBody();
	}

	private Map<String, Object> service(String code) {
		return this.rest.withBasicAuth("mark", "mark")
			.exchange("/api/services/{code}", HttpMethod.GET, null, JSON_OBJECT, code)
			.getBody();
	}

	private String stageOf(String code) {
		return (String) service(code).get("stage");
	}

}
