package org.pmo.servicelifecycle.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.DigestUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Tasklist 7.24 complete Camunda Forms with dynamic lists. Its form view counts every key of form-js's error map
 * as an error, and form-js reports each row field of a filled list with an empty list of errors, so Complete stays
 * disabled on a valid form. This serves Tasklist's script with that one test counting only fields that have errors;
 * if a later Camunda release changes the script, it is served as it comes and a warning is logged.
 */
@Configuration(proxyBeanMethods = false)
class TasklistDynamicLists {

	private static final Logger log = LoggerFactory.getLogger(TasklistDynamicLists.class);

	static final String SCRIPT = "META-INF/resources/webjars/camunda/app/tasklist/camunda-tasklist-bootstrap.js";

	/** Tasklist's test: any key at all in the error map disables Complete. */
	static final String KEY_COUNT = "var t=!!Object.keys(e.errors).length;h.notifyFormValidated(t)";

	/** The test as meant: some field has at least one error. */
	static final String ERROR_COUNT = "var t=Object.keys(e.errors).some(function(k){var x=e.errors[k];"
			+ "return Array.isArray(x)?x.length>0:!!x});h.notifyFormValidated(t)";

	@Bean
	FilterRegistrationBean<ScriptFilter> tasklistDynamicListFilter(
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) throws IOException {
		FilterRegistrationBean<ScriptFilter> registration = new FilterRegistrationBean<>(new ScriptFilter(patched()));
		String base = applicationPath.endsWith("/") ? applicationPath.substring(0, applicationPath.length() - 1)
				: applicationPath;
		registration.addUrlPatterns(base + "/app/tasklist/camunda-tasklist-bootstrap.js");
		// last of the filters: the webapps' security headers and every other filter have had their say
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

	/** The patched script, or null when the script does not hold the test once. */
	static byte[] patched() throws IOException {
		ClassPathResource resource = new ClassPathResource(SCRIPT);
		if (!resource.exists()) {
			return null;
		}
		String script;
		try (InputStream in = resource.getInputStream()) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		int at = script.indexOf(KEY_COUNT);
		if (at < 0 || script.indexOf(KEY_COUNT, at + 1) >= 0) {
			log.warn("Tasklist's form script has changed: forms with dynamic lists may keep Complete disabled");
			return null;
		}
		return script.replace(KEY_COUNT, ERROR_COUNT).getBytes(StandardCharsets.UTF_8);
	}

	static final class ScriptFilter extends OncePerRequestFilter {

		private final byte[] script;

		private final String etag;

		ScriptFilter(byte[] script) {
			this.script = script;
			this.etag = (script != null) ? "\"" + DigestUtils.md5DigestAsHex(script) + "\"" : null;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			boolean head = "HEAD".equals(request.getMethod());
			if (this.script == null || !("GET".equals(request.getMethod()) || head)) {
				chain.doFilter(request, response);
				return;
			}
			response.setHeader("ETag", this.etag);
			response.setHeader("Cache-Control", "no-cache");
			if (this.etag.equals(request.getHeader("If-None-Match"))) {
				response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
				return;
			}
			response.setContentType("application/javascript;charset=UTF-8");
			response.setContentLength(this.script.length);
			if (!head) {
				response.getOutputStream().write(this.script);
			}
		}

	}

}
