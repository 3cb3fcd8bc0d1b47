package org.pmo.servicelifecycle.operations;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One correlation id per request, in every log line the request causes and in the answer's {@code X-Request-Id}:
 * the caller's own id when it sends a sensible one (a proxy's, a client's), else a new one. The structured JSON logs
 * ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}) carry it as {@code correlationId}, the text logs in brackets.
 */
@Configuration(proxyBeanMethods = false)
class RequestCorrelation {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "correlationId";

	/** What an id from outside may look like: short, and nothing that could forge a log line. */
	private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Bean
	FilterRegistrationBean<CorrelationFilter> requestCorrelationFilter() {
		FilterRegistrationBean<CorrelationFilter> registration = new FilterRegistrationBean<>(new CorrelationFilter());
		registration.addUrlPatterns("/*");
		// before every other filter, so that their log lines carry it too
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	static class CorrelationFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String given = request.getHeader(HEADER);
			String id = (given != null && SENSIBLE.matcher(given).matches()) ? given : UUID.randomUUID().toString();
			MDC.put(MDC_KEY, id);
			response.setHeader(HEADER, id);
			try {
				chain.doFilter(request, response);
			}
			finally {
				MDC.remove(MDC_KEY);
			}
		}

	}

}
