package org.pmo.servicelifecycle.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user logged in to the Camunda webapps read the catalog API and the portfolio page without a second login.
 * Reading requests ride on the session; a change of the catalog API does only with the session's CSRF token in its
 * header (the portfolio's pages send it), so no cross-site request can change anything; everything else still needs
 * HTTP Basic. An anonymous visitor of the portfolio is sent to its login, and back to the page he asked for.
 */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

	/** Set on a request the webapp session authenticated, so HTTP Basic does not ask again. */
	static final String AUTHENTICATED_BY_SESSION = WebappSessionAuthenticationFilter.class.getName() + ".user";

	static final String PORTFOLIO_PATH = "/portfolio";

	static final String LOGIN_PATH = "/camunda/app/welcome/default/";

	/** The portfolio's own login page and what it needs, open to anybody. */
	static final String PORTFOLIO_LOGIN = "/portfolio/login.html";

	private static final Set<String> OPEN_PORTFOLIO_FILES = Set.of(PORTFOLIO_LOGIN, "/portfolio/login.js",
			"/portfolio/portfolio.css");

	private static final String ENGINE = "default";

	private final IdentityService identityService;

	WebappSessionAuthenticationFilter(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		UserAuthentication user = sessionUser(request);
		boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		List<String> groups = (user == null) ? null
				: reading ? List.copyOf(user.getGroupIds()) : isApiChangeWithTheSessionsToken(request) ? groupsNow(user)
						: null;
		if (groups != null) {
			request.setAttribute(AUTHENTICATED_BY_SESSION, user.getIdentityId());
			this.identityService.setAuthentication(user.getIdentityId(), groups, user.getTenantIds());
			try {
				chain.doFilter(request, response);
			}
			finally {
				this.identityService.clearAuthentication();
			}
		}
		else if (isPortfolioLogin(request)) {
			chain.doFilter(request, response);
		}
		else if (pathOf(request).startsWith(PORTFOLIO_PATH)) {
			// the portfolio's login comes back to the page asked for
			String asked = pathOf(request);
			response.sendRedirect(request.getContextPath() + PORTFOLIO_LOGIN + "?returnTo="
					+ URLEncoder.encode(asked, StandardCharsets.UTF_8));
		}
		else {
			chain.doFilter(request, response);
		}
	}

	/**
	 * A change rides on the groups the person has now, not those of his login: who was removed from a group, or from
	 * the organisation, changes nothing more. Null when the person is gone.
	 */
	private List<String> groupsNow(UserAuthentication user) {
		if (this.identityService.createUserQuery().userId(user.getIdentityId()).count() == 0) {
			return null;
		}
		return this.identityService.createGroupQuery()
			.groupMember(user.getIdentityId())
			.list()
			.stream()
			.map(Group::getId)
			.toList();
	}

	/** The path within the application, as the servlet container resolved it (no "..", no doubled slashes). */
	private static String pathOf(HttpServletRequest request) {
		return request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
	}

	/**
	 * A change of the catalog API from the portfolio's pages: it carries the webapps' CSRF token of the session in
	 * its header, which only a page of this origin can read from the webapps' answers; a cross-site request cannot.
	 */
	private static boolean isApiChangeWithTheSessionsToken(HttpServletRequest request) {
		if (!pathOf(request).startsWith("/api/")) {
			return false;
		}
		HttpSession session = request.getSession(false);
		Object expected = (session != null) ? session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) : null;
		String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
		return expected instanceof String token && given != null
				&& MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}

	private static boolean isPortfolioLogin(HttpServletRequest request) {
		String path = pathOf(request);
		return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
				&& OPEN_PORTFOLIO_FILES.contains(path);
	}

	/** The user the webapps' session logged in to the engine, or null. */
	public static UserAuthentication sessionUser(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Authentication authentication = AuthenticationUtil.getAuthsFromSession(session)
			.getAuthenticationForProcessEngine(ENGINE);
		return (authentication instanceof UserAuthentication user) ? user : null;
	}

}
