package org.pmo.servicelifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Tasklist's page leaves out the "Create task" action; its scripts and the other webapps' pages are served as they come. */
class TasklistPageTests extends WebTestSupport {

	@Test
	void shouldServeTasklistsPageWithoutTheCreateTaskAction() {
		ResponseEntity<String> page = this.rest.getForEntity("/camunda/app/tasklist/default/", String.class);

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("<base cam-exclude-plugins=\"tasklist.navbar.action:create-task-action\" href=\"")
			.contains("app-name=\"tasklist\"");
		assertThat(page.getHeaders().getContentLength()).isIn(-1L, (long) page.getBody().getBytes(StandardCharsets.UTF_8).length);
		assertThat(page.getHeaders().getFirst("Content-Security-Policy")).as("the webapps' headers stay").isNotBlank();
	}

	@Test
	void shouldLeaveTheOtherWebappsPagesAlone() {
		ResponseEntity<String> cockpit = this.rest.getForEntity("/camunda/app/cockpit/default/", String.class);

		assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cockpit.getBody()).contains("app-name=\"cockpit\"").doesNotContain("create-task-action");
	}

	@Test
	void shouldKeepAPageThatAlreadyNamesItsExclusions() {
		String html = "<base cam-exclude-plugins=\"cockpit.dashboard\" href=\"/\">";

		assertThat(TasklistWithoutStandaloneTasks.PageFilter.withoutCreateTask(html)).isEqualTo(html);
	}

}
