package org.pmo.servicelifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.ReviewOutcome;
import org.pmo.servicelifecycle.catalog.ServiceCatalog;
import org.pmo.servicelifecycle.catalog.Stage;
import org.pmo.servicelifecycle.demo.LifecycleForms;
import org.pmo.servicelifecycle.demo.People;
import org.pmo.servicelifecycle.identity.Groups;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Lifecycle;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The four-eyes principle holds over REST, in the engine API as Tasklist uses it, at claim and at completion, even
 * for people who sit on the portfolio board as well.
 */
class FourEyesPrincipleTests extends WebTestSupport {

	private static final LocalDate RETIREMENT_DAY = LocalDate.parse("2030-01-31");

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private ServiceCatalog catalog;


	@BeforeEach
	void createUsers() {
		// people with two hats: a customer on the board, analysts on the board
		this.organisation.ensureUser("pia", "Pia", "Requester", "pia", Groups.SERVICE_CUSTOMERS, Groups.PORTFOLIO_BOARD);
		this.organisation.ensureUser("dora", "Dora", "Designer", "dora", Groups.PMO_ANALYSTS, Groups.PORTFOLIO_BOARD);
		this.organisation.ensureUser("pete", "Pete", "Planner", "pete", Groups.PMO_ANALYSTS, Groups.PORTFOLIO_BOARD);
	}

	@Test
	void requesterCannotApproveJustificationEvenOnTheBoard() {
		// given pia raised the request over the catalog API, mark evaluated it, anna designed it
		ResponseEntity<Map<String, Object>> created = this.rest.withBasicAuth("pia", "pia")
			.exchange("/api/services", HttpMethod.POST, new org.springframework.http.HttpEntity<>(Map.of("name",
					"Benefits tracking", "description", "Tracks benefits after closure", "customerSegments",
					List.of("SENIOR_EXECUTIVES"))), JSON_OBJECT);
		String code = (String) created.getBody().get("code");
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		this.lifecycle.design(code);
		Task justification = this.engineApi.task(code, Lifecycle.TASK_JUSTIFY_SERVICE);

		// when pia, who is on the board, tries to claim or complete the business case approval over REST
		ResponseEntity<Map<String, Object>> claim = this.rest.withBasicAuth("pia", "pia")
			.exchange("/engine-rest/task/{id}/claim", HttpMethod.POST,
					new org.springframework.http.HttpEntity<>(Map.of("userId", "pia")), JSON_OBJECT, justification.getId());
		ResponseEntity<Map<String, Object>> completion = completeOverRest("pia", justification.getId(), "approve");

		// then both are refused with the rule named, and nothing moved
		assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) claim.getBody().get("message")).contains("Four-eyes principle", "pia raised the request");
		assertThat(completion.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) completion.getBody().get("message")).contains("Four-eyes principle");
		assertThat(this.engineApi.task(code, Lifecycle.TASK_JUSTIFY_SERVICE).getAssignee()).isNull();
		assertThat(this.catalog.find(code).getStage()).isEqualTo(Stage.JUSTIFICATION);

		// and another board member approves
		assertThat(completeOverRest("sara", justification.getId(), "approve").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.catalog.find(code).getStage()).isEqualTo(Stage.PILOT);
	}

	@Test
	void designerCannotApproveBusinessCaseNorGoLive() {
		// given dora designed the service
		String code = this.lifecycle.request("Schedule assurance");
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		this.lifecycle.with(People.DEMO.withAnalyst("dora")).design(code);
		assertThat(this.engine.getRuntimeService()
			.getVariable(this.catalog.find(code).getLifecycleInstanceId(), "designedBy")).isEqualTo("dora");

		// then she may not approve its business case, as in Tasklist (claim) or directly
		assertThatThrownBy(() -> this.lifecycle.with(People.DEMO.withBoard("dora")).justify(code, Decision.APPROVE))
			.isInstanceOf(FourEyesViolationException.class)
			.hasMessageContaining("dora completed a design");
		this.lifecycle.justify(code, Decision.APPROVE);
		this.lifecycle.endPilot(code);
		this.lifecycle.reviewPilot(code, Decision.APPROVE);

		// nor its go-live, over REST
		Task goLive = this.engineApi.task(code, Lifecycle.TASK_APPROVE_GO_LIVE);
		ResponseEntity<Map<String, Object>> refused = completeOverRest("dora", goLive.getId(), "approve");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) refused.getBody().get("message")).contains("Four-eyes principle", "go-live");
		assertThat(this.catalog.find(code).getStage()).isEqualTo(Stage.IMPLEMENTATION);

		// nor can somebody else hand the task to her
		assertThatThrownBy(() -> this.engineApi.as("demo", () -> {
			this.engine.getTaskService().setAssignee(goLive.getId(), "dora");
			return null;
		})).isInstanceOf(FourEyesViolationException.class);

		this.lifecycle.approveGoLive(code, Decision.APPROVE);
		assertThat(this.catalog.find(code).getStage()).isEqualTo(Stage.OPERATION);
	}

	@Test
	void plannerCannotApproveRetirement() {
		// given a live service whose retirement pete planned
		String code = this.lifecycle.request("Resource levelling");
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		this.lifecycle.design(code);
		this.lifecycle.justify(code, Decision.APPROVE);
		this.lifecycle.endPilot(code);
		this.lifecycle.reviewPilot(code, Decision.APPROVE);
		this.lifecycle.approveGoLive(code, Decision.APPROVE);
		this.lifecycle.review(code, "Demand has gone", ReviewOutcome.RETIRE);
		this.lifecycle.with(People.DEMO.withAnalyst("pete")).planRetirement(code, RETIREMENT_DAY);

		// when pete, on the board too, approves the retirement over REST
		Task approval = this.engineApi.task(code, Retirement.TASK_APPROVE_RETIREMENT);
		ResponseEntity<Map<String, Object>> refused = completeOverRest("pete", approval.getId(), "approve");

		// then he is refused; sara may
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) refused.getBody().get("message")).contains("Four-eyes principle",
				"pete planned the retirement");
		assertThat(this.engineApi.task(code, Retirement.TASK_APPROVE_RETIREMENT)).isNotNull();
		this.lifecycle.approveRetirement(code, RETIREMENT_DAY, Decision.APPROVE);
		assertThat(this.engineApi.task(code, Retirement.TASK_APPROVE_RETIREMENT)).isNull();
	}

	@Test
	void nobodyCanRewriteWhoDesigned() {
		String code = this.lifecycle.request("Gate reviews light");
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		this.lifecycle.with(People.DEMO.withAnalyst("dora")).design(code);
		Task justification = this.engineApi.task(code, Lifecycle.TASK_JUSTIFY_SERVICE);

		// dora tries to blame anna in the same submission
		ResponseEntity<Map<String, Object>> response = this.rest.withBasicAuth("dora", "dora")
			.exchange("/engine-rest/task/{id}/complete", HttpMethod.POST,
					new org.springframework.http.HttpEntity<>(Map.of("variables", Map.of("decision",
							Map.of("value", "approve"), "designedBy", Map.of("value", "anna")))),
					JSON_OBJECT, justification.getId());

		assertThat(response.getStatusCode()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN);
		assertThat(this.engine.getRuntimeService()
			.getVariable(this.catalog.find(code).getLifecycleInstanceId(), "designedBy")).isEqualTo("dora");
	}

	private ResponseEntity<Map<String, Object>> completeOverRest(String user, String taskId, String decision) {
		return this.rest.withBasicAuth(user, user)
			.exchange("/engine-rest/task/{id}/complete", HttpMethod.POST,
					new org.springframework.http.HttpEntity<>(
							Map.of("variables", Map.of("decision", Map.of("value", decision)))),
					JSON_OBJECT, taskId);
	}

	@Test
	void everyDesignerOfAnyRoundStaysOutOfTheApprovals() {
		// given dora designed the first round, the board sent it back, and anna redesigned it
		String code = this.lifecycle.request("Benefits realisation review");
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		this.lifecycle.with(People.DEMO.withAnalyst("dora")).design(code);
		this.engineApi.complete("sara", code, Lifecycle.TASK_JUSTIFY_SERVICE,
				LifecycleForms.decision(Decision.REWORK, "Cost the pilot"));
		this.lifecycle.design(code);

		// then dora, although not the last designer, may not approve the business case
		assertThat(this.engine.getRuntimeService()
			.getVariable(this.catalog.find(code).getLifecycleInstanceId(), "designers")).isEqualTo("dora,anna");
		assertThatThrownBy(() -> this.lifecycle.with(People.DEMO.withBoard("dora")).justify(code, Decision.APPROVE))
			.isInstanceOf(FourEyesViolationException.class)
			.hasMessageContaining("dora completed a design");
		assertThat(this.catalog.find(code).getStage()).isEqualTo(Stage.JUSTIFICATION);
	}

	@Test
	void onlyAdministratorsGiveATaskToAnotherAndNeverToAnExcludedPerson() {
		String code = this.lifecycle.request("Project controls coaching");
		this.lifecycle.evaluateNeed(code, Decision.APPROVE);
		this.lifecycle.with(People.DEMO.withAnalyst("dora")).design(code);
		Task justification = this.engineApi.task(code, Lifecycle.TASK_JUSTIFY_SERVICE);

		// a board member may not hand the approval to someone else, inside the board or outside it
		for (String receiver : List.of("paul", "pete")) {
			ResponseEntity<Map<String, Object>> handed = this.rest.withBasicAuth("sara", "sara")
				.exchange("/engine-rest/task/{id}/claim", HttpMethod.POST,
						new org.springframework.http.HttpEntity<>(Map.of("userId", receiver)), JSON_OBJECT,
						justification.getId());
			assertThat(handed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat((String) handed.getBody().get("message")).contains("claim a task for another person");
		}
		// an administrator may, but not to the designer
		ResponseEntity<Map<String, Object>> toDesigner = this.rest.withBasicAuth("demo", "demo")
			.exchange("/engine-rest/task/{id}/claim", HttpMethod.POST,
					new org.springframework.http.HttpEntity<>(Map.of("userId", "dora")), JSON_OBJECT, justification.getId());
		assertThat(toDesigner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) toDesigner.getBody().get("message")).contains("Four-eyes principle");
		assertThat(this.rest.withBasicAuth("demo", "demo")
			.exchange("/engine-rest/task/{id}/claim", HttpMethod.POST,
					new org.springframework.http.HttpEntity<>(Map.of("userId", "sara")), JSON_OBJECT, justification.getId())
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.engineApi.task(code, Lifecycle.TASK_JUSTIFY_SERVICE).getAssignee()).isEqualTo("sara");
	}

}
