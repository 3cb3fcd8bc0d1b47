package org.pmo.servicelifecycle.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist without its "Create task" action. Standalone tasks are no part of the PMO's work and the engine lets no
 * one but an administrator create them, so every other user would fill in the dialog only to be refused. The page
 * names the action in its {@code cam-exclude-plugins} attribute, the webapps' own way to leave a plugin out.
 */
@Configuration(proxyBeanMethods = false)
class TasklistWithoutStandaloneTasks {

	static final String EXCLUDED = "tasklist.navbar.action:create-task-action";

	@Bean
	FilterRegistrationBean<PageFilter> tasklistPageWithoutCreateTask(
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
		FilterRegistrationBean<PageFilter> registration = new FilterRegistrationBean<>(new PageFilter());
		registration.addUrlPatterns(applicationPath + "/app/tasklist/*");
		// around the webapps' own filter, which writes the page
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/** Adds the exclusion to the base element of Tasklist's page; scripts, styles and the rest pass untouched. */
	static class PageFilter extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !"GET".equals(request.getMethod()) || !request.getRequestURI().endsWith("/");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, page);
			String type = page.getContentType();
			if (type != null && type.startsWith("text/html") && page.getStatus() == HttpServletResponse.SC_OK) {
				String html = new String(page.getContentAsByteArray(), StandardCharsets.UTF_8);
				String changed = withoutCreateTask(html);
				if (!changed.equals(html)) {
					page.resetBuffer();
					page.getOutputStream().write(changed.getBytes(StandardCharsets.UTF_8));
				}
			}
			page.copyBodyToResponse();
		}

		static String withoutCreateTask(String html) {
			if (html.contains("cam-exclude-plugins")) {
				return html;
			}
			return html.replaceFirst("<base ", "<base cam-exclude-plugins=\"" + EXCLUDED + "\" ");
		}

	}

}
