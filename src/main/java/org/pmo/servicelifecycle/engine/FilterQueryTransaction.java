package org.pmo.servicelifecycle.engine;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pmo.servicelifecycle.security.WebappSessionAuthenticationFilter;
import org.pmo.servicelifecycle.web.Problems;
import org.pmo.servicelifecycle.web.RequestBody;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A saved filter's page or count, Tasklist's inbox, in one transaction. Camunda's REST resource runs one engine
 * command per step (the filter, its list, its count, each embedded kind), each in a transaction of its own: eight
 * connection checkouts and commits for one HAL page. The commands now join one transaction, which ends with the
 * engine's work. A command that fails still fails alone and answers as before: the transaction then rolls back at
 * the end, quietly, instead of failing the answer already written. The answer is kept in memory until the
 * transaction has ended, and a query's body is read whole (at most 1 MiB) before it begins, so that a client slow to
 * send or to read holds no database connection. Only a logged-in request gets one: on {@code /engine-rest} HTTP
 * Basic has refused the others before, and on the webapps' API, whose login runs after this filter, a request
 * without a session's user passes through as Camunda answers it. Within it the rows every command reads again are
 * read once ({@link RequestReads}).
 */
@Configuration(proxyBeanMethods = false)
class FilterQueryTransaction {

	/** {@code …/filter/{id}/list} and {@code …/filter/{id}/count}, in the engine's REST API and the webapps' own. */
	static final Pattern FILTER_QUERY = Pattern.compile(".*/filter/[^/]+/(list|count)");

	@Bean
	FilterRegistrationBean<OneTransaction> filterQueryInOneTransaction(PlatformTransactionManager transactions,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
		FilterRegistrationBean<OneTransaction> registration = new FilterRegistrationBean<>(
				new OneTransaction(new TransactionTemplate(transactions), webappPath + "/api/"));
		registration.setName("pmo-filter-query-transaction");
		registration.addUrlPatterns("/engine-rest/filter/*", webappPath + "/api/engine/engine/*");
		// after HTTP Basic (-100): a refused login is not part of it
		registration.setOrder(-50);
		return registration;
	}

	static final class OneTransaction extends OncePerRequestFilter {

		private final TransactionTemplate transaction;

		private final String webappApi;

		OneTransaction(TransactionTemplate transaction, String webappApi) {
			this.transaction = transaction;
			this.webappApi = webappApi;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String method = request.getMethod();
			return !("GET".equals(method) || "POST".equals(method))
					|| !FILTER_QUERY.matcher(request.getRequestURI()).matches();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!loggedIn(request)) {
				chain.doFilter(request, response);
				return;
			}
			byte[] body = RequestBody.readAtMostTheLimit(request);
			if (body == null) {
				Problems.writeEngineError(response, HttpStatus.PAYLOAD_TOO_LARGE.value(), "InvalidRequestException",
						"A filter's query may send at most 1 MiB");
				return;
			}
			HttpServletRequest query = new RequestBody(request, body);
			ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
			try {
				this.transaction.executeWithoutResult((status) -> RequestReads.during(() -> {
					try {
						chain.doFilter(query, answer);
					}
					catch (IOException | ServletException ex) {
						throw new ChainFailed(ex);
					}
					settleFailedCommand(status);
				}));
			}
			catch (ChainFailed failed) {
				if (failed.getCause() instanceof IOException io) {
					throw io;
				}
				throw (ServletException) failed.getCause();
			}
			answer.copyBodyToResponse();
		}

		/** HTTP Basic let it pass on {@code /engine-rest}; on the webapps' API, its session has a user. */
		private boolean loggedIn(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (!path.startsWith(this.webappApi)) {
				return true;
			}
			return WebappSessionAuthenticationFilter.sessionUser(request) != null;
		}

		/**
		 * A command that failed marked the shared transaction for rollback, and its error is already the answer:
		 * roll back without a second error.
		 */
		private static void settleFailedCommand(TransactionStatus status) {
			if (status.isRollbackOnly()) {
				status.setRollbackOnly();
			}
		}

	}

	/** Carries the chain's checked exceptions through the transaction's callback. */
	private static final class ChainFailed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ChainFailed(Exception cause) {
			super(cause);
		}

	}

}
