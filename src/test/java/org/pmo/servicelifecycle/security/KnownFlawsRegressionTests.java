package org.pmo.servicelifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.identity.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The two known flaws of Camunda 7.24.0, attacked the way an attacker would. */
class KnownFlawsRegressionTests extends WebTestSupport {

	private static final String PROBE = "${expressionProbe.touch()}";

	@Autowired
	private ExpressionProbe probe;


	@Test
	void adminSetupNeverCreatesUserEvenWithoutAdministrators() {
		// given camunda-admin has no member at all, the state in which Camunda 7.24.0 opens its set-up to anyone
		IdentityService identity = this.engine.getIdentityService();
		List<User> admins = identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list();
		admins.forEach((admin) -> identity.deleteMembership(admin.getId(), Groups.CAMUNDA_ADMIN));
		try {
			String body = """
					{"profile": {"id": "intruder", "firstName": "In", "lastName": "Truder", "email": "in@evil.example"},
					 "credentials": {"password": "Intruder-Passw0rd!"}}""";

			// when anonymous callers use the set-up endpoint, with and without a webapp session
			ResponseEntity<String> anonymous = this.rest.exchange("/camunda/api/admin/setup/default/user/create",
					HttpMethod.POST, json(body), String.class);
			WebappSession browser = WebappSession.login(this.port, "mark", "mark");
			HttpResponse<String> withSession = browser.postJson("/camunda/api/admin/setup/default/user/create", body);

			// then both are refused and no user exists
			assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(anonymous.getBody()).contains("set-up is closed");
			assertThat(withSession.statusCode()).isEqualTo(403);
			assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
		}
		finally {
			admins.forEach((admin) -> identity.createMembership(admin.getId(), Groups.CAMUNDA_ADMIN));
		}
	}

	@Test
	void taskQueriesNeverEvaluateExpressionsFromRequests() {
		int before = this.probe.touches();
		String filterId = this.engine.getFilterService()
			.createTaskFilterQuery()
			.filterName("My groups' tasks")
			.singleResult()
			.getId();

		// ad-hoc query with the expression in orQueries, over the engine REST API
		ResponseEntity<String> orQuery = this.rest.withBasicAuth("mark", "mark")
			.exchange("/engine-rest/task", HttpMethod.POST,
					json("{\"orQueries\": [{\"assigneeExpression\": \"" + PROBE + "\"}]}"), String.class);
		// the same as a plain parameter
		ResponseEntity<String> parameter = this.rest.withBasicAuth("mark", "mark")
			.getForEntity("/engine-rest/task?assigneeExpression={e}", String.class, PROBE);
		ResponseEntity<String> count = this.rest.withBasicAuth("mark", "mark")
			.exchange("/engine-rest/task/count", HttpMethod.POST,
					json("{\"orQueries\": [{\"candidateUserExpression\": \"" + PROBE.replace('$', '#') + "\"}]}"),
					String.class);
		// a saved filter extended with an expression
		ResponseEntity<String> extendedFilter = this.rest.withBasicAuth("mark", "mark")
			.exchange("/engine-rest/filter/{id}/list", HttpMethod.POST,
					json("{\"orQueries\": [{\"assigneeExpression\": \"" + PROBE + "\"}]}"), String.class, filterId);
		// Tasklist's own API, from a logged-in browser session
		WebappSession tasklist = WebappSession.login(this.port, "mark", "mark");
		HttpResponse<String> viaTasklist = tasklist.postJson("/camunda/api/engine/engine/default/task",
				"{\"orQueries\": [{\"assigneeExpression\": \"" + PROBE + "\"}]}");
		HttpResponse<String> viaTasklistFilter = tasklist.postJson(
				"/camunda/api/engine/engine/default/filter/" + filterId + "/list?firstResult=0&maxResults=15",
				"{\"orQueries\": [{\"assigneeExpression\": \"" + PROBE + "\"}]}");

		assertThat(orQuery.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(orQuery.getBody()).contains("may not contain expressions");
		assertThat(parameter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(count.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(extendedFilter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(viaTasklist.statusCode()).isEqualTo(400);
		assertThat(viaTasklistFilter.statusCode()).isEqualTo(400);
		assertThat(this.probe.touches()).as("expression evaluations").isEqualTo(before);

		// saved filters keep their own expressions (${currentUserGroups()})
		ResponseEntity<String> savedFilter = this.rest.withBasicAuth("mark", "mark")
			.exchange("/engine-rest/filter/{id}/list", HttpMethod.POST, json("{}"), String.class, filterId);
		assertThat(savedFilter.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void queriesAreBoundedByTheResultLimit() {
		ResponseEntity<String> plain = this.rest.withBasicAuth("mark", "mark").getForEntity("/engine-rest/task",
				String.class);
		ResponseEntity<String> tooMany = this.rest.withBasicAuth("mark", "mark")
			.getForEntity("/engine-rest/task?maxResults=100000", String.class);

		assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(tooMany.getBody()).contains("Max results limit");
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	static Map<String, Object> value(Object value) {
		return Map.of("value", value);
	}

}
