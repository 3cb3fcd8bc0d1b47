package org.pmo.servicelifecycle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.pmo.servicelifecycle.catalog.Decision;
import org.pmo.servicelifecycle.catalog.ReviewOutcome;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess.Retirement;
import org.pmo.servicelifecycle.lifecycle.ServiceLifecycleProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@AutoConfigureObservability(tracing = false)
class OperationsSignalsTests extends WebTestSupport {

	@Autowired
	private TaskService taskService;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private IdentityService identityService;

	@Test
	void shouldShowMetricsToOperationsOnly() {
		assertThat(this.rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.withBasicAuth("paul", "paul").getForEntity("/actuator/prometheus", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		this.lifecycle.live("Stage-gate assurance review", Set.of(CustomerSegment.PROGRAMME_MANAGERS));
		ResponseEntity<String> metrics = this.rest.withBasicAuth("mark", "mark")
			.getForEntity("/actuator/prometheus", String.class);

		assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(metrics.getBody()).containsPattern("pmo_services\\{phase=\"CATALOG\",stage=\"OPERATION\"} [1-9]")
			.contains("pmo_reviews_due ")
			.contains("pmo_sla_breaches ")
			.contains("pmo_tasks_overdue ")
			.contains("pmo_incidents_open ")
			.contains("jvm_memory_used_bytes");
	}

	@Test
	void shouldRaiseIncidentWhenCustomersCannotBeNotifiedAfterRetries() {
		// given a retirement approved without a notice for the customers
		String code = this.lifecycle.live("Resource capacity planning", Set.of(CustomerSegment.SENIOR_EXECUTIVES));
		this.lifecycle.review(code, "Moved to a tool", ReviewOutcome.RETIRE);
		this.lifecycle.planRetirement(code, LocalDate.parse("2027-01-31"));
		ProcessInstance retirement = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ServiceLifecycleProcess.RETIREMENT_KEY)
			.processInstanceBusinessKey(code)
			.singleResult();
		this.runtimeService.removeVariable(retirement.getId(), "customerNotice");
		// the board approves with only its decision: the notice stays missing
		this.engineApi.complete("sara", code, Retirement.TASK_APPROVE_RETIREMENT,
				Map.of(ServiceLifecycleProcess.Variables.DECISION, Decision.APPROVE.value()));

		// when the notification job fails as often as it may retry
		Job job = notificationJob(retirement);
		assertThat(job.getRetries()).isEqualTo(3);
		for (int attempt = 0; attempt < 3; attempt++) {
			try {
				this.managementService.executeJob(notificationJob(retirement).getId());
			}
			catch (RuntimeException expected) {
				assertThat(expected).hasMessageContaining("No notice to send to the customers of " + code);
			}
		}

		// then an incident waits in Cockpit at the step, and the metric counts it
		Incident incident = this.runtimeService.createIncidentQuery().processInstanceId(retirement.getId()).singleResult();
		assertThat(incident.getActivityId()).isEqualTo(Retirement.TASK_NOTIFY_CUSTOMERS);
		assertThat(incident.getIncidentMessage()).contains("No notice to send");
		assertThat(notificationJob(retirement).getRetries()).isZero();
		String metrics = this.rest.withBasicAuth("demo", "demo").getForObject("/actuator/prometheus", String.class);
		assertThat(metrics).containsPattern("pmo_incidents_open [1-9]");
	}

	private Job notificationJob(ProcessInstance retirement) {
		return this.managementService.createJobQuery()
			.processInstanceId(retirement.getId())
			.activityId(Retirement.TASK_NOTIFY_CUSTOMERS)
			.singleResult();
	}

}
