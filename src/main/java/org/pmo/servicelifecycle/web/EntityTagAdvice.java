package org.pmo.servicelifecycle.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Puts the {@code ETag} on every answer of an {@link EntityTagged} endpoint. */
@ControllerAdvice(basePackages = "org.pmo.servicelifecycle")
class EntityTagAdvice implements ResponseBodyAdvice<Object> {

	private final ResourceTags tags;

	EntityTagAdvice(ResourceTags tags) {
		this.tags = tags;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return returnType.hasMethodAnnotation(EntityTagged.class);
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body == null || body instanceof ProblemDetail
				|| !(request instanceof ServletServerHttpRequest servletRequest)) {
			return body;
		}
		HttpServletRequest servlet = servletRequest.getServletRequest();
		Object afterChange = servlet.getAttribute(ResourceTags.TAG_AFTER_CHANGE);
		String tag = (afterChange != null) ? afterChange.toString() : this.tags.tagOf(body);
		response.getHeaders().setETag(tag);
		String ifNoneMatch = servlet.getHeader(HttpHeaders.IF_NONE_MATCH);
		if ("GET".equals(servlet.getMethod()) && ifNoneMatch != null && ResourceTags.names(ifNoneMatch, tag, true)) {
			response.setStatusCode(HttpStatus.NOT_MODIFIED);
			return null;
		}
		return body;
	}

}
