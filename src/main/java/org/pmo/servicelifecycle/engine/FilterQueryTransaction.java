package org.pmo.servicelifecycle.engine;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * transaction has ended, so that a client slow to read it holds no database connection. Within it the rows every
 * command reads again are read once ({@link RequestReads}).
 */
@Configuration(proxyBeanMethods = false)
class FilterQueryTransaction {

	/** {@code …/filter/{id}/list} and {@code …/filter/{id}/count}, in the engine's REST API and the webapps' own. */
	static final Pattern FILTER_QUERY = Pattern.compile(".*/filter/[^/]+/(list|count)");

	@Bean
	FilterRegistrationBean<OneTransaction> filterQueryInOneTransaction(PlatformTransactionManager transactions,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
		FilterRegistrationBean<OneTransaction> registration = new FilterRegistrationBean<>(
				new OneTransaction(new TransactionTemplate(transactions)));
		registration.setName("pmo-filter-query-transaction");
		registration.addUrlPatterns("/engine-rest/filter/*", webappPath + "/api/engine/engine/*");
		// after the authentication filters (-100): a refused login is not part of it
		registration.setOrder(-50);
		return registration;
	}

	static final class OneTransaction extends OncePerRequestFilter {

		private final TransactionTemplate transaction;

		OneTransaction(TransactionTemplate transaction) {
			this.transaction = transaction;
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
			ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
			try {
				this.transaction.executeWithoutResult((status) -> RequestReads.during(() -> {
					try {
						chain.doFilter(request, answer);
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
