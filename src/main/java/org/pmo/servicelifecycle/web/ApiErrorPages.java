package org.pmo.servicelifecycle.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Errors that no controller of ours answers (a path without an endpoint, say) would get the container's error page:
 * on {@code /api} they are problem details like every other refusal.
 */
class ApiErrorPages extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void sendError(int status) throws IOException {
				sendError(status, null);
			}

			@Override
			public void sendError(int status, String message) throws IOException {
				HttpStatus known = HttpStatus.resolve(status);
				if (known == null || isCommitted()) {
					super.sendError(status, message);
					return;
				}
				resetBuffer();
				Problems.write(response, known,
						(known == HttpStatus.NOT_FOUND) ? "No such resource: " + path : known.getReasonPhrase(), path);
			}

		});
	}

}
