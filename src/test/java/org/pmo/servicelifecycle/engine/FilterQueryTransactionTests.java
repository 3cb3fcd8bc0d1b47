package org.pmo.servicelifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pmo.servicelifecycle.WebTestSupport;
import org.pmo.servicelifecycle.identity.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * A saved filter's page and count run their engine commands in one transaction, with the rows each command reads
 * again read once; a command that fails inside it still answers as before, and the next request is not touched by it.
 * The login before it is one transaction of its own.
 */
@Import(FilterQueryTransactionTests.CountedTransactions.class)
class FilterQueryTransactionTests extends WebTestSupport {

	private static final String INBOX_QUERY = "{\"processVariables\":[],\"taskVariables\":[],"
			+ "\"caseInstanceVariables\":[],\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	private TransactionsBegun begun;

	private String managersFilter;

	private String code;

	@BeforeEach
	void aRequestInThePmoManagersInbox() {
		this.code = this.lifecycle.request("Filter transaction " + UUID.randomUUID().toString().substring(0, 8));
		String inbox = Groups.WORK_GROUPS.get(0)[1];
		this.managersFilter = this.engine.getFilterService().createFilterQuery().filterName(inbox).singleResult().getId();
	}

	@Test
	void aFilterPageRunsItsCommandsInOneTransaction() throws Exception {
		// what authenticating a request costs, on a resource that runs no engine command of its own
		int authentication = transactionsOf(() -> exchange("mark", HttpMethod.GET, "/engine-rest/version", null, null));
		Counted page = counted(() -> exchange("mark", HttpMethod.POST,
				"/engine-rest/filter/" + this.managersFilter + "/list?firstResult=0&maxResults=15", INBOX_QUERY,
				"application/hal+json"));
		assertThat(page.response().getStatusCode().value()).isEqualTo(200);
		JsonNode body = this.json.readTree(page.response().getBody());
		// the page embeds what Tasklist shows: the tasks with their variables, their definitions, the count
		assertThat(body.path("count").asLong()).isPositive();
		assertThat(body.path("_embedded").path("task").toString()).contains("\"" + this.code + "\"");
		assertThat(body.path("_embedded").path("processDefinition").size()).isPositive();
		// the filter, the list, the count and each embedded kind: one transaction instead of one each
		assertThat(page.transactions() - authentication).isEqualTo(1);
		// the same tasks as the engine's own answer to mark, outside any request
		List<String> shown = new ArrayList<>();
		body.path("_embedded").path("task").forEach((task) -> shown.add(task.path("id").asText()));
		assertThat(shown).isEqualTo(asMark(() -> this.engine.getFilterService()
			.listPage(this.managersFilter, this.engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc(),
					0, 15)
			.stream()
			.map((task) -> ((Task) task).getId())
			.toList()));
		assertThat(body.path("count").asLong()).isEqualTo(asMark(() -> this.engine.getFilterService()
			.count(this.managersFilter)));

		Counted count = counted(() -> exchange("mark", HttpMethod.GET,
				"/engine-rest/filter/" + this.managersFilter + "/count", null, null));
		assertThat(count.response().getStatusCode().value()).isEqualTo(200);
		assertThat(this.json.readTree(count.response().getBody()).path("count").asLong())
			.isEqualTo(body.path("count").asLong());
		assertThat(count.transactions() - authentication).isEqualTo(1);
	}

	@Test
	void aLoginIsOneTransactionOfItsOwn() {
		// the password check, the user's groups and his tenants: Camunda's filter runs three
		Counted login = counted(() -> exchange("mark", HttpMethod.GET, "/engine-rest/version", null, null));
		assertThat(login.response().getStatusCode().value()).isEqualTo(200);
		assertThat(login.transactions()).isEqualTo(1);
		// the groups read in it are the user's: his inbox's filter is his to read, not a customer's
		assertThat(exchange("mark", HttpMethod.GET, "/engine-rest/filter/" + this.managersFilter, null, null)
			.getStatusCode().value()).isEqualTo(200);
		assertThat(exchange("paul", HttpMethod.GET, "/engine-rest/filter/" + this.managersFilter, null, null)
			.getStatusCode().value()).isEqualTo(403);
		// a wrong password is refused, in its one transaction
		Counted wrong = counted(() -> this.rest.withBasicAuth("mark", "not-his-password")
			.exchange("/engine-rest/version", HttpMethod.GET, null, String.class));
		assertThat(wrong.response().getStatusCode().value()).isEqualTo(401);
		assertThat(wrong.transactions()).isEqualTo(1);
		// no login at all: refused without a transaction
		Counted anonymous = counted(() -> this.rest.exchange("/engine-rest/version", HttpMethod.GET, null,
				String.class));
		assertThat(anonymous.response().getStatusCode().value()).isEqualTo(401);
		assertThat(anonymous.transactions()).isZero();
	}

	@Test
	void aQueryIsReadWholeBeforeItsTransactionBegins() {
		// a body beyond the limit is refused before any engine command: only the login's transaction
		String tooLong = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
		Counted refused = counted(() -> exchange("mark", HttpMethod.POST,
				"/engine-rest/filter/" + this.managersFilter + "/list", tooLong, "application/json"));
		assertThat(refused.response().getStatusCode().value()).isEqualTo(413);
		assertThat(refused.response().getBody()).contains("at most 1 MiB");
		assertThat(refused.transactions()).isEqualTo(1);
		// the webapps' API without a session's user: Camunda refuses it, and no transaction is begun for it
		Counted noSession = counted(() -> this.rest.exchange(
				"/camunda/api/engine/engine/default/filter/" + this.managersFilter + "/count", HttpMethod.GET, null,
				String.class));
		assertThat(noSession.response().getStatusCode().value()).isIn(401, 403);
		assertThat(noSession.transactions()).isZero();
	}

	@Test
	void aCommandThatFailsInsideAnswersAsBefore() throws Exception {
		ResponseEntity<String> unknown = exchange("mark", HttpMethod.POST, "/engine-rest/filter/no-such-filter/list",
				INBOX_QUERY, "application/hal+json");
		// the engine asks for the permission first: refused, naming the filter, and no server error
		assertThat(unknown.getStatusCode().value()).isEqualTo(403);
		assertThat(this.json.readTree(unknown.getBody()).path("message").asText()).contains("no-such-filter");

		// a customer may not read the PMO managers' filter: refused, not a server error
		ResponseEntity<String> refused = exchange("paul", HttpMethod.POST,
				"/engine-rest/filter/" + this.managersFilter + "/list", INBOX_QUERY, "application/hal+json");
		assertThat(refused.getStatusCode().value()).isEqualTo(403);
		ResponseEntity<String> refusedCount = exchange("paul", HttpMethod.GET,
				"/engine-rest/filter/" + this.managersFilter + "/count", null, null);
		assertThat(refusedCount.getStatusCode().value()).isEqualTo(403);

		// an invalid query: refused as Camunda refuses it
		ResponseEntity<String> invalid = exchange("mark", HttpMethod.POST,
				"/engine-rest/filter/" + this.managersFilter + "/list",
				"{\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\"}]}", "application/json");
		assertThat(invalid.getStatusCode().value()).isEqualTo(400);

		ResponseEntity<String> after = exchange("mark", HttpMethod.POST,
				"/engine-rest/filter/" + this.managersFilter + "/list", INBOX_QUERY, "application/json");
		assertThat(after.getStatusCode().value()).isEqualTo(200);
		String task = this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(this.code).singleResult()
			.getId();
		assertThat(after.getBody()).contains("\"" + task + "\"");
	}

	@Test
	void withinAPageAFiltersRowIsReadOnceAndItsPermissionCheckedEachTime() {
		FilterService filters = this.engine.getFilterService();
		IdentityService identity = this.engine.getIdentityService();
		String name = filters.getFilter(this.managersFilter).getName();
		List<Filter> read = new ArrayList<>();
		try {
			RequestReads.during(() -> {
				identity.setAuthentication("mark", List.of(Groups.PMO_MANAGERS));
				read.add(filters.getFilter(this.managersFilter));
				this.jdbc.update("update ACT_RU_FILTER set NAME_ = ? where ID_ = ?", "Renamed meanwhile",
						this.managersFilter);
				read.add(filters.getFilter(this.managersFilter));
				read.add(filters.getFilter(this.managersFilter));
				// the row is kept, the permission is not: a customer is still refused
				identity.setAuthentication("paul", List.of(Groups.SERVICE_CUSTOMERS));
				assertThatThrownBy(() -> filters.getFilter(this.managersFilter))
					.isInstanceOf(AuthorizationException.class);
			});
			assertThat(read).extracting(Filter::getName).containsOnly(name);
			// each command has a query of its own to change
			Object first = read.get(0).getQuery();
			Object second = read.get(1).getQuery();
			Object third = read.get(2).getQuery();
			assertThat(second).isNotSameAs(first).isNotSameAs(third);
			assertThat(read.get(1).getId()).isEqualTo(this.managersFilter);
			// outside a page, every command reads the row
			identity.setAuthentication("mark", List.of(Groups.PMO_MANAGERS));
			assertThat(filters.getFilter(this.managersFilter).getName()).isEqualTo("Renamed meanwhile");
		}
		finally {
			identity.clearAuthentication();
			this.jdbc.update("update ACT_RU_FILTER set NAME_ = ? where ID_ = ?", name, this.managersFilter);
		}
	}

	@Test
	void withinAPageTheAuthorizationRowsAreReadOncePerQuestion() {
		AtomicInteger groupReads = new AtomicInteger();
		AtomicInteger revokeReads = new AtomicInteger();
		Supplier<Set<String>> groups = () -> {
			groupReads.incrementAndGet();
			return Set.of(Groups.PMO_MANAGERS);
		};
		BooleanSupplier revokes = () -> {
			revokeReads.incrementAndGet();
			return false;
		};
		RequestReads.during(() -> {
			assertThat(RequestReads.authorizedGroups(groups)).containsExactly(Groups.PMO_MANAGERS);
			assertThat(RequestReads.authorizedGroups(groups)).containsExactly(Groups.PMO_MANAGERS);
			RequestReads.revokesApply("mark", List.of(Groups.PMO_MANAGERS), revokes);
			RequestReads.revokesApply("mark", List.of(Groups.PMO_MANAGERS), revokes);
			// another user or other groups are another question
			RequestReads.revokesApply("anna", List.of(Groups.PMO_MANAGERS), revokes);
			RequestReads.revokesApply("mark", List.of(Groups.PMO_ANALYSTS), revokes);
			RequestReads.revokesApply(null, null, revokes);
		});
		assertThat(groupReads).hasValue(1);
		assertThat(revokeReads).hasValue(4);
		// outside a page nothing is kept
		RequestReads.authorizedGroups(groups);
		RequestReads.revokesApply("mark", List.of(Groups.PMO_MANAGERS), revokes);
		assertThat(groupReads).hasValue(2);
		assertThat(revokeReads).hasValue(5);
	}

	@Test
	void onlyAFiltersPageAndCountAreOneTransaction() {
		assertThat(FilterQueryTransaction.FILTER_QUERY.matcher("/engine-rest/filter/f1/list").matches()).isTrue();
		assertThat(FilterQueryTransaction.FILTER_QUERY.matcher("/engine-rest/filter/f1/count").matches()).isTrue();
		assertThat(FilterQueryTransaction.FILTER_QUERY
			.matcher("/camunda/api/engine/engine/default/filter/f1/list")
			.matches()).isTrue();
		// the filter itself, its changes and its deletion stay transactions of their own
		assertThat(FilterQueryTransaction.FILTER_QUERY.matcher("/engine-rest/filter/f1").matches()).isFalse();
		assertThat(FilterQueryTransaction.FILTER_QUERY.matcher("/engine-rest/filter/create").matches()).isFalse();
		assertThat(FilterQueryTransaction.FILTER_QUERY.matcher("/engine-rest/filter/f1/list/x").matches()).isFalse();
	}

	private ResponseEntity<String> exchange(String user, HttpMethod method, String path, String body, String accept) {
		HttpHeaders headers = new HttpHeaders();
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		if (accept != null) {
			headers.set(HttpHeaders.ACCEPT, accept);
		}
		return this.rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	private <T> T asMark(Supplier<T> work) {
		this.engine.getIdentityService().setAuthentication("mark", List.of(Groups.PMO_MANAGERS));
		try {
			return work.get();
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	private int transactionsOf(Supplier<ResponseEntity<String>> request) {
		return counted(request).transactions();
	}

	private Counted counted(Supplier<ResponseEntity<String>> request) {
		int before = this.begun.count.get();
		ResponseEntity<String> response = request.get();
		return new Counted(response, this.begun.count.get() - before);
	}

	record Counted(ResponseEntity<String> response, int transactions) {
	}

	/** Counts the transactions begun on the server's request threads (job executor threads are left out). */
	static final class TransactionsBegun implements TransactionExecutionListener {

		final AtomicInteger count = new AtomicInteger();

		@Override
		public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
			if (beginFailure == null && Thread.currentThread().getName().startsWith("http-nio")) {
				this.count.incrementAndGet();
			}
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountedTransactions {

		@Bean
		TransactionsBegun transactionsBegun() {
			return new TransactionsBegun();
		}

	}

}
