package org.pmo.servicelifecycle.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.TaggedChanges;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class AgreementControllerTests extends WebTestSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
	};

	private static final String ON_TIME_DELIVERY = """
			{"metric": "on-time-delivery", "unit": "PERCENT", "direction": "AT_LEAST", "target": 90,
			 "description": "Reports delivered within 5 working days"}""";

	private static final String THIS_MONTH = YearMonth.now().toString();

	@Autowired
	private TaskService taskService;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private IdentityService identityService;

	@Autowired
	private ServiceCatalog catalog;

	@Autowired
	private FormService formService;

	@Autowired
	private MeasurementRepository measurements;

	@Test
	@SuppressWarnings("unchecked")
	void shouldDefineAgreementAndShowItWithTheService() {
		String code = this.lifecycle.live("Project health check", Set.of(CustomerSegment.PROJECT_MANAGERS));

		ResponseEntity<Map<String, Object>> created = send(HttpMethod.POST, code + "/agreements", ON_TIME_DELIVERY);

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody()).containsEntry("metric", "on-time-delivery")
			.containsEntry("period", "MONTH")
			.containsEntry("serviceVersion", 1)
			.containsEntry("segment", null);
		Map<String, Object> service = get("/api/services/" + code, JSON_OBJECT);
		// the design's agreement for its offering, and the one for every segment added now
		assertThat((List<Map<String, Object>>) service.get("agreements")).extracting((a) -> a.get("segment"))
			.containsExactlyInAnyOrder("PROJECT_MANAGERS", null);
		assertThat(this.catalog.history(code)).extracting((h) -> h.getKind().name()).contains("AGREEMENTS_CHANGED");
	}

	@Test
	void shouldRefuseAgreementsOutsideTheContract() {
		String code = this.lifecycle.live("Portfolio report", Set.of(CustomerSegment.SENIOR_EXECUTIVES));
		send(HttpMethod.POST, code + "/agreements", ON_TIME_DELIVERY);

		assertRefused(HttpMethod.POST, code + "/agreements", ON_TIME_DELIVERY, "metric");
		assertRefused(HttpMethod.POST, code + "/agreements", """
				{"metric": "On Time!", "unit": "PERCENT", "direction": "AT_LEAST", "target": 90}""", "metric");
		assertRefused(HttpMethod.POST, code + "/agreements", """
				{"metric": "satisfaction", "unit": "STARS", "direction": "AT_LEAST", "target": 4}""", "unit");
		assertRefused(HttpMethod.POST, code + "/agreements", """
				{"metric": "satisfaction", "unit": "SCORE_1_TO_5", "direction": "AT_LEAST"}""", "target");
		assertRefused(HttpMethod.PUT, code + "/agreements", "[" + ON_TIME_DELIVERY + "," + ON_TIME_DELIVERY + "]",
				"[1].metric");
		assertRefused(HttpMethod.POST, code + "/agreements", """
				{"metric": "satisfaction", "unit": "SCORE_1_TO_5", "direction": "AT_LEAST", "target": 7}""", "target");
		assertRefused(HttpMethod.POST, code + "/agreements", """
				{"metric": "completeness", "unit": "PERCENT", "direction": "AT_LEAST", "target": 120}""", "target");
		assertRefused(HttpMethod.POST, code + "/agreements", """
				{"metric": "completeness", "unit": "PERCENT", "direction": "AT_LEAST", "target": "NaN"}""", "target");
		assertRefused(HttpMethod.PUT, code + "/agreements", """
				[{"metric": "turnaround", "unit": "DAYS", "direction": "AT_MOST", "target": -1}]""", "[0].target");
		// an agreement for a segment the service makes no offering to
		assertRefused(HttpMethod.POST, code + "/agreements", """
				{"metric": "turnaround", "segment": "END_USERS", "unit": "DAYS", "direction": "AT_MOST", "target": 5}""",
				"segment");
		assertRefused(HttpMethod.POST, code + "/agreements", """
				{"metric": "turnaround", "unit": "DAYS", "direction": "AT_MOST", "target": 5, "riskMargin": -1}""",
				"riskMargin");
		// the design's agreement and the one added first
		assertThat(get("/api/services/" + code + "/agreements", JSON_ARRAY)).hasSize(2);
	}

	@Test
	void shouldReplaceAgreementsOfTheCurrentVersion() {
		String code = this.lifecycle.live("Coaching", Set.of(CustomerSegment.PROJECT_MANAGERS));
		send(HttpMethod.POST, code + "/agreements", ON_TIME_DELIVERY);

		ResponseEntity<List<Map<String, Object>>> replaced = this.rest.withBasicAuth("anna", "anna")
			.exchange("/api/services/" + code + "/agreements", HttpMethod.PUT, TaggedChanges.json(this.rest, "anna",
					HttpMethod.PUT, "/api/services/" + code + "/agreements", """
					[{"metric": "customer-satisfaction", "segment": "PROJECT_MANAGERS", "unit": "SCORE_1_TO_5",
					  "direction": "AT_LEAST", "target": 4.0, "period": "QUARTER"},
					 {"metric": "turnaround", "unit": "DAYS", "direction": "AT_MOST", "target": 10}]"""), JSON_ARRAY);

		assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(replaced.getBody()).extracting((a) -> a.get("metric"))
			.containsExactlyInAnyOrder("customer-satisfaction", "turnaround");
	}

	@Test
	void shouldAskForExactlyOneReviewWhenAnAgreementIsBreached() {
		// given a live service whose design agreed on-time delivery of at least 90 % for project managers
		String code = this.lifecycle.live("Health check", Set.of(CustomerSegment.PROJECT_MANAGERS));

		// when 70 % is measured, and then 60 % in the same month
		ResponseEntity<Map<String, Object>> first = send(HttpMethod.POST, code + "/measurements",
				"{\"metric\": \"on-time-delivery\", \"segment\": \"PROJECT_MANAGERS\", \"period\": \"" + THIS_MONTH
						+ "\", \"value\": 70}");
		ResponseEntity<Map<String, Object>> second = send(HttpMethod.POST, code + "/measurements",
				"{\"metric\": \"on-time-delivery\", \"segment\": \"PROJECT_MANAGERS\", \"period\": \"" + THIS_MONTH
						+ "\", \"value\": 60}");

		// then one breach, one unscheduled review that says why
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat((List<?>) first.getBody().get("breaches")).hasSize(1);
		assertThat((List<?>) second.getBody().get("breaches")).isEmpty();
		List<Task> reviews = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey(Lifecycle.TASK_REVIEW_SERVICE)
			.list();
		assertThat(reviews).hasSize(1);
		assertThat((String) this.taskService.getVariable(reviews.get(0).getId(), "reviewReasons"))
			.startsWith("SLA breach: on-time-delivery 70 in " + THIS_MONTH);
		assertThat(this.catalog.history(code)).filteredOn((h) -> h.getKind().name().equals("SLA_BREACHED")).hasSize(1);
		Map<String, Object> performance = get("/api/services/" + code + "/performance", JSON_OBJECT);
		assertThat(performance).containsEntry("health", "BREACHED");
		// the review form shows the breach and the decision's recommendation
		Map<String, Object> form = this.formService.getTaskFormVariables(reviews.get(0).getId());
		assertThat((String) form.get("reviewReasons")).startsWith("SLA breach: on-time-delivery 70");
		assertThat(form).containsEntry("slaHealth", "breached")
			.containsEntry("recommendation", "transform")
			.containsEntry("recommendationReason", "Agreements breached: redesign the service so that it can keep them")
			.containsEntry("performanceSummary",
					"on-time-delivery (PROJECT_MANAGERS), agreed at least 90 %: 70 in " + THIS_MONTH + ", breached");
	}

	@Test
	void shouldRefuseAgreementsAndMeasurementsOfARetiredService() {
		// given a service with an agreement that was retired
		String code = this.lifecycle.live("Paper timesheets", Set.of(CustomerSegment.PROJECT_MANAGERS));
		send(HttpMethod.POST, code + "/agreements", ON_TIME_DELIVERY);
		retire(code);
		assertThat(get("/api/services/" + code, JSON_OBJECT)).containsEntry("stage", "RETIRED");

		// when / then
		assertRefused(HttpMethod.POST, code + "/measurements",
				"{\"metric\": \"on-time-delivery\", \"period\": \"" + THIS_MONTH + "\", \"value\": 70}", "code");
		assertRefused(HttpMethod.POST, code + "/agreements", ON_TIME_DELIVERY.replace("on-time-delivery", "speed"),
				"code");
		assertThat(this.catalog.history(code)).noneMatch((h) -> h.getKind().name().equals("SLA_BREACHED"));
	}

	@Test
	void shouldReportAttainmentPerPeriod() {
		// the design agreed on-time delivery of at least 90 % for programme managers, with no risk margin
		String code = this.lifecycle.live("Stage-gate review", Set.of(CustomerSegment.PROGRAMME_MANAGERS));
		YearMonth now = YearMonth.now();

		ResponseEntity<Map<String, Object>> recorded = send(HttpMethod.POST, code + "/measurements", """
				[{"metric": "on-time-delivery", "segment": "PROGRAMME_MANAGERS", "period": "%s", "value": 99},
				 {"metric": "on-time-delivery", "segment": "PROGRAMME_MANAGERS", "period": "%s", "value": 92},
				 {"metric": "on-time-delivery", "segment": "PROGRAMME_MANAGERS", "period": "%s", "value": 96},
				 {"metric": "on-time-delivery", "segment": "PROGRAMME_MANAGERS", "period": "%s", "value": 88}]""".formatted(now.minusMonths(2),
				now.minusMonths(1), now.minusMonths(1), now));

		assertThat(recorded.getBody()).containsEntry("recorded", 4);
		Map<String, Object> performance = get("/api/services/" + code + "/performance", JSON_OBJECT);
		@SuppressWarnings("unchecked")
		Map<String, Object> row = ((List<Map<String, Object>>) performance.get("agreements")).get(0);
		assertThat(row).containsEntry("status", "BREACHED");
		assertThat((List<Map<String, Object>>) row.get("periods")).extracting(
				(p) -> p.get("period") + "=" + p.get("value") + "/" + p.get("attainment"))
			.containsExactly(now + "=88.0/BREACHED", now.minusMonths(1) + "=94.0/MET",
					now.minusMonths(2) + "=99.0/MET");
	}

	@Test
	void shouldRefuseMeasurementsOutsideTheContractAndStoreNothing() {
		String code = this.lifecycle.live("Lessons learned", Set.of(CustomerSegment.END_USERS));
		send(HttpMethod.POST, code + "/agreements", ON_TIME_DELIVERY);

		assertRefused(HttpMethod.POST, code + "/measurements",
				"{\"metric\": \"speed\", \"period\": \"" + THIS_MONTH + "\", \"value\": 70}", "[0].metric");
		assertRefused(HttpMethod.POST, code + "/measurements",
				"{\"metric\": \"on-time-delivery\", \"period\": \"" + THIS_MONTH + "\", \"value\": \"NaN\"}", "[0].value");
		assertRefused(HttpMethod.POST, code + "/measurements",
				"{\"metric\": \"on-time-delivery\", \"period\": \"" + THIS_MONTH + "\", \"value\": -5}", "[0].value");
		assertRefused(HttpMethod.POST, code + "/measurements",
				"{\"metric\": \"on-time-delivery\", \"period\": \"2026-13\", \"value\": 95}", "[0].period");
		assertRefused(HttpMethod.POST, code + "/measurements",
				"{\"metric\": \"on-time-delivery\", \"period\": \"-2026-01\", \"value\": 95}", "[0].period");
		assertRefused(HttpMethod.POST, code + "/measurements", "{\"metric\": \"on-time-delivery\", \"period\": \""
				+ YearMonth.now().plusMonths(2) + "\", \"value\": 95}", "[0].period");
		// a valid first item does not slip in with an invalid second one
		assertRefused(HttpMethod.POST, code + "/measurements", "[{\"metric\": \"on-time-delivery\", \"period\": \""
				+ THIS_MONTH + "\", \"value\": 95}, {\"metric\": \"on-time-delivery\", \"value\": 95}]", "[1].period");
		assertThat(send(HttpMethod.POST, "SVC-9999/measurements",
				"{\"metric\": \"on-time-delivery\", \"period\": \"" + THIS_MONTH + "\", \"value\": 95}")
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	private void retire(String code) {
		this.lifecycle.retire(code, "Timesheets moved into the finance system", LocalDate.parse("2030-01-31"));
		String retirement = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("pmo-service-retirement")
			.processInstanceBusinessKey(code)
			.singleResult()
			.getId();
		for (String step : new String[] { "Task_NotifyCustomers", "Event_RetirementDateReached", "Task_DecommissionService" }) {
			this.managementService.executeJob(this.managementService.createJobQuery()
				.processInstanceId(retirement)
				.activityId(step)
				.singleResult()
				.getId());
		}
	}

	private void assertRefused(HttpMethod method, String path, String body, String field) {
		long before = this.measurements.count();
		ResponseEntity<Map<String, Object>> response = send(method, path, body);
		assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
		assertThat(errors).as(body).extracting((e) -> e.get("field")).containsExactly(field);
		assertThat(this.measurements.count()).isEqualTo(before);
	}

	private ResponseEntity<Map<String, Object>> send(HttpMethod method, String path, String body) {
		return this.rest.withBasicAuth("anna", "anna").exchange("/api/services/" + path, method,
				TaggedChanges.json(this.rest, "anna", method, "/api/services/" + path, body), JSON_OBJECT);
	}

	private <T> T get(String path, ParameterizedTypeReference<T> type) {
		return this.rest.withBasicAuth("mark", "mark").exchange(path, HttpMethod.GET, null, type).getBody();
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
