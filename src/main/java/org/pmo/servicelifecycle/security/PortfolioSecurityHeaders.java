package org.pmo.servicelifecycle.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers the webapps send for their own pages, on the application's: the portfolio's pages and the catalog API
 * are never framed by another page (no clickjacking of their buttons), never sniffed as another content type, send
 * no address to other sites, and the API's answers are not kept in caches.
 */
@Configuration(proxyBeanMethods = false)
class PortfolioSecurityHeaders {

	@Bean
	FilterRegistrationBean<HeaderFilter> portfolioSecurityHeaderFilter() {
		FilterRegistrationBean<HeaderFilter> registration = new FilterRegistrationBean<>(new HeaderFilter());
		registration.setName("pmo-portfolio-security-headers");
		registration.addUrlPatterns("/portfolio", "/portfolio/*", "/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static final class HeaderFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("X-Frame-Options", "DENY");
			response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
			response.setHeader("Referrer-Policy", "same-origin");
			if (request.getServletPath().startsWith("/api")) {
				response.setHeader("Cache-Control", "no-store");
			}
			chain.doFilter(request, response);
		}

	}

}
