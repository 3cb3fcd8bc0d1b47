package org.pmo.servicelifecycle.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.catalog.CustomerSegment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class PortfolioTests extends WebTestSupport {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private TaskService taskService;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private IdentityService identityService;


	@Test
	void shouldRefuseAnonymousVisitors() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.rest.getRootUri() + "/portfolio/index.html")).build(),
					HttpResponse.BodyHandlers.ofString());
		ResponseEntity<String> data = this.rest.getForEntity("/api/portfolio", String.class);

		assertThat(page.statusCode()).isEqualTo(HttpStatus.FOUND.value());
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((location) -> assertThat(URI.create(location))
			.hasPath("/portfolio/login.html")
			.hasQuery("returnTo=/portfolio/index.html"));
		assertThat(page.body()).doesNotContain("PMO portfolio");
		assertThat(data.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		// the login page itself, and nothing else of the portfolio, is open to anybody
		for (String open : new String[] { "/portfolio/login.html", "/portfolio/login.js", "/portfolio/portfolio.css" }) {
			assertThat(HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(this.rest.getRootUri() + open)).build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode()).as(open).isEqualTo(200);
		}
		for (String closed : new String[] { "/portfolio/service.js", "/portfolio/services/SVC-0001", "/portfolio/" }) {
			assertThat(HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(this.rest.getRootUri() + closed)).build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode()).as(closed).isEqualTo(HttpStatus.FOUND.value());
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldShowServicesWithTheirWorkAndWhereLifecyclesWait() {
		// given a live service and a fresh request
		String live = this.lifecycle.live("Monthly portfolio report", Set.of(CustomerSegment.SENIOR_EXECUTIVES));
		String request = (String) this.rest.withBasicAuth("paul", "paul")
			.postForEntity("/api/services", Map.of("name", "Benefits tracking", "description", "After closure",
					"customerSegments", List.of("SENIOR_EXECUTIVES")), Map.class)
			.getBody()
			.get("code");

		// when a board member, who holds none of these tasks, looks at the portfolio
		Map<String, Object> overview = this.rest.withBasicAuth("sara", "sara")
			.exchange("/api/portfolio?limit=1000", HttpMethod.GET, null, JSON_OBJECT)
			.getBody();

		// then
		assertThat(((Map<String, Number>) overview.get("byPhase")).get("CATALOG").intValue()).isPositive();
		List<Map<String, Object>> services = (List<Map<String, Object>>) overview.get("services");
		Map<String, Object> liveRow = services.stream().filter((s) -> live.equals(s.get("code"))).findFirst().orElseThrow();
		assertThat(liveRow).containsEntry("stage", "OPERATION").containsEntry("portfolioPhase", "CATALOG");
		assertThat(liveRow.get("nextReviewDue")).isNotNull();
		Map<String, Object> requestRow = services.stream()
			.filter((s) -> request.equals(s.get("code")))
			.findFirst()
			.orElseThrow();
		assertThat((List<Map<String, Object>>) requestRow.get("openTasks")).singleElement()
			.satisfies((task) -> assertThat(task).containsEntry("name", "Evaluate service need")
				.containsEntry("candidateGroups", List.of("pmo-managers"))
				.containsEntry("overdue", false));
		Map<String, List<Map<String, Object>>> waiting = (Map<String, List<Map<String, Object>>>) overview.get("waiting");
		assertThat(waiting.get("pmo-service-lifecycle")).anySatisfy((step) -> assertThat(step)
			.containsEntry("activityId", "Task_EvaluateNeed"));
		assertThat(waiting.get("pmo-service-lifecycle")).anySatisfy((step) -> assertThat(step)
			.containsEntry("activityId", "Task_OperateService"));

		ResponseEntity<String> model = this.rest.withBasicAuth("paul", "paul")
			.getForEntity("/api/portfolio/models/pmo-service-lifecycle", String.class);
		assertThat(model.getBody()).contains("id=\"Task_EvaluateNeed\"").contains("bpmndi:BPMNDiagram");
		assertThat(this.rest.withBasicAuth("demo", "demo")
			.getForEntity("/api/portfolio/models/some-other-process", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldReadWithTheWebappSessionButNeverWriteWithIt() {
		String session = webappLogin("mark", "mark");
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, session);

		ResponseEntity<String> page = this.rest.exchange("/portfolio/index.html", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		ResponseEntity<String> data = this.rest.exchange("/api/portfolio", HttpMethod.GET, new HttpEntity<>(headers),
				String.class);
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> write = this.rest.exchange("/api/services", HttpMethod.POST, new HttpEntity<>(
				"{\"name\":\"x\",\"description\":\"x\",\"customerSegments\":[\"END_USERS\"]}", headers), String.class);

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("PMO portfolio");
		assertThat(data.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(write.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	/** Logs in to the Camunda webapps like the login page does; returns the session cookie. */
	private String webappLogin(String user, String password) {
		ResponseEntity<String> welcome = this.rest.getForEntity("/camunda/app/welcome/default/", String.class);
		String csrfCookie = welcome.getHeaders()
			.get(HttpHeaders.SET_COOKIE)
			.stream()
			.filter((cookie) -> cookie.startsWith("XSRF-TOKEN="))
			.findFirst()
			.orElseThrow();
		String csrfToken = csrfCookie.substring("XSRF-TOKEN=".length(), csrfCookie.indexOf(';'));
		String sessionCookie = welcome.getHeaders()
			.get(HttpHeaders.SET_COOKIE)
			.stream()
			.filter((cookie) -> cookie.startsWith("JSESSIONID="))
			.findFirst()
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';')))
			.orElseThrow();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add("X-XSRF-TOKEN", csrfToken);
		headers.add(HttpHeaders.COOKIE, sessionCookie + "; XSRF-TOKEN=" + csrfToken);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", password);
		ResponseEntity<String> login = this.rest.postForEntity("/camunda/api/admin/auth/user/default/login/welcome",
				new HttpEntity<>(form, headers), String.class);
		assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
		List<String> renewed = login.getHeaders().get(HttpHeaders.SET_COOKIE);
		return (renewed == null) ? sessionCookie
				: renewed.stream()
					.filter((cookie) -> cookie.startsWith("JSESSIONID="))
					.findFirst()
					.map((cookie) -> cookie.substring(0, cookie.indexOf(';')))
					.orElse(sessionCookie);
	}

}
