package io.nextbox.platform;

import java.io.IOException;

import io.nextbox.account.LoginThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks the {@link LoginThrottle} about every password login before Spring Security checks it, and keeps the answer
 * as a request attribute. An allowed attempt goes on to the form login; a refused one skips it (see
 * {@link #NOT_REFUSED}) and reaches the login page's POST handler, which answers 429 with the wait. The client
 * address is {@code request.getRemoteAddr()}: behind a proxy, set {@code server.forward-headers-strategy} so it is
 * the client's and not the proxy's.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	static final String LOGIN_PAGE = "/login";

	static final RequestMatcher LOGIN_POST = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, LOGIN_PAGE);

	/** What the form login processes: a login POST the throttle did not refuse. */
	static final RequestMatcher NOT_REFUSED = new AndRequestMatcher(LOGIN_POST,
			request -> !(request.getAttribute(LoginThrottle.ATTEMPT) instanceof LoginThrottle.Refused));

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !LOGIN_POST.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(LoginThrottle.ATTEMPT,
				throttle.begin(request.getParameter("username"), request.getRemoteAddr()));
		chain.doFilter(request, response);
	}

	/** After a right password: the account's failures are forgotten, then {@code next} answers as usual. */
	static AuthenticationSuccessHandler clearingFailures(LoginThrottle throttle, AuthenticationSuccessHandler next) {
		return (request, response, authentication) -> {
			if (request.getAttribute(LoginThrottle.ATTEMPT) instanceof LoginThrottle.Allowed attempt) {
				throttle.succeeded(attempt);
			}
			next.onAuthenticationSuccess(request, response, authentication);
		};
	}

}
