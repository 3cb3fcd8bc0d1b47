package org.pmo.servicelifecycle;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A change of the catalog API as a careful client sends it: the resource is read first, and its {@code ETag} goes
 * into the change's {@code If-Match} (nothing when the resource does not exist yet).
 */
public final class TaggedChanges {

	private TaggedChanges() {
	}

	public static HttpEntity<String> json(TestRestTemplate rest, String user, HttpMethod method, String path,
			String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (method == HttpMethod.PUT || method == HttpMethod.PATCH) {
			ResponseEntity<String> current = rest.withBasicAuth(user, user).getForEntity(path, String.class);
			if (current.getStatusCode().is2xxSuccessful() && current.getHeaders().getETag() != null) {
				headers.setIfMatch(current.getHeaders().getETag());
			}
		}
		return new HttpEntity<>(body, headers);
	}

}
