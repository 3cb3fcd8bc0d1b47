package org.pmo.servicelifecycle.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Lets Tasklist 7.24 complete Camunda Forms with dynamic lists. Its form view counts every key of form-js's error map
 * as an error, and form-js reports each row field of a filled list with an empty list of errors, so Complete stays
 * disabled on a valid form. This serves Tasklist's script with that one test counting only fields that have errors;
 * if a later Camunda release changes the script, it is served as it comes and a warning is logged.
 */
@Controller
class TasklistDynamicLists {

	private static final Logger log = LoggerFactory.getLogger(TasklistDynamicLists.class);

	static final String SCRIPT = "META-INF/resources/webjars/camunda/app/tasklist/camunda-tasklist-bootstrap.js";

	/** Tasklist's test: any key at all in the error map disables Complete. */
	static final String KEY_COUNT = "var t=!!Object.keys(e.errors).length;h.notifyFormValidated(t)";

	/** The test as meant: some field has at least one error. */
	static final String ERROR_COUNT = "var t=Object.keys(e.errors).some(function(k){var x=e.errors[k];"
			+ "return Array.isArray(x)?x.length>0:!!x});h.notifyFormValidated(t)";

	private final byte[] script;

	private final String etag;

	TasklistDynamicLists() throws IOException {
		this.script = patched();
		this.etag = (this.script != null) ? "\"" + DigestUtils.md5DigestAsHex(this.script) + "\"" : null;
	}

	/**
	 * Served in place of the webjar's file (a mapped request wins over static resources); the webapps' filters, their
	 * security headers among them, run as for any of their files.
	 */
	@GetMapping("${camunda.bpm.webapp.application-path:/camunda}/app/tasklist/camunda-tasklist-bootstrap.js")
	ResponseEntity<byte[]> script(@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String seen)
			throws IOException {
		if (this.script == null) {
			try (InputStream in = new ClassPathResource(SCRIPT).getInputStream()) {
				return ResponseEntity.ok().contentType(JAVASCRIPT).body(in.readAllBytes());
			}
		}
		if (this.etag.equals(seen)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(this.etag).build();
		}
		return ResponseEntity.ok()
			.eTag(this.etag)
			.cacheControl(CacheControl.noCache())
			.contentType(JAVASCRIPT)
			.body(this.script);
	}

	private static final MediaType JAVASCRIPT = new MediaType("application", "javascript", StandardCharsets.UTF_8);

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

}
