package io.nextbox.platform;

import io.nextbox.account.LoginThrottle;
import io.nextbox.account.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

	/**
	 * No inline script or style anywhere: htmx is told not to inject its indicator styles. Images may come from any
	 * https address: a merchant may give a product the address of a picture on their own shop or CDN (an image
	 * cannot run script; a merchant who wants no third party uploads the picture instead).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: https:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * Requests htmx sends from a page. Without a valid session they get a bare 401 rather than the login page, which
	 * htmx would otherwise swap into a widget; the page says the session ended and links to the login.
	 */
	static final RequestMatcher HTMX = new RequestHeaderRequestMatcher("HX-Request", "true");

	/**
	 * The sign-in link's page, the code page and the page confirming a new email address: each answers a GET, and
	 * says there what a second click did.
	 */
	static final RequestMatcher SIGN_IN_PAGES = request -> {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/login/code") || path.matches("/(login/link|account/email)/[A-Za-z0-9_-]{1,100}");
	};

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
		RequestCache pages = pagesOnly();
		SavedRequestAwareAuthenticationSuccessHandler backToThePage = new SavedRequestAwareAuthenticationSuccessHandler();
		backToThePage.setDefaultTargetUrl("/");
		backToThePage.setRequestCache(pages);
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.svg", "/error", "/login",
					"/login/**", "/password/set", "/password/done", "/account/email/*", "/actuator/health", "/actuator/health/**",
					"/email/add", "/email/skip", "/email/unsubscribe", "/products/*/picture")
			.permitAll()
			.requestMatchers("/admin/**", "/actuator/**")
			.hasRole(Role.MERCHANT.name())
			.requestMatchers("/portal/**")
			.hasRole(Role.SUBSCRIBER.name())
			.anyRequest()
			.authenticated())
			.formLogin(login -> login.loginPage(LoginThrottleFilter.LOGIN_PAGE)
				.successHandler(LoginThrottleFilter.clearingFailures(throttle, backToThePage))
				.permitAll()
				.withObjectPostProcessor(skippingRefusedAttempts()))
			// a mail client's one-click unsubscribe (RFC 8058) has no CSRF token: its signed link authorises it
			.csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults()
				.matcher(HttpMethod.POST, "/email/unsubscribe")))
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
					.addEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), HTMX)
					.defaultEntryPoint(toTheLoginPage())
					.build())
				.accessDeniedHandler(signedOutIsUnauthorized()))
			.requestCache(cache -> cache.requestCache(pages))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * A CSRF failure from someone not signed in: their session ended (it expired, or they signed out in another
	 * tab), so its token went with it. An htmx request gets the 401 an expired session gets, which the page answers
	 * with a sign-in link; a plain form goes to the login page, which says nothing was done. A signed-in
	 * subscriber's CSRF failure stays a 403.
	 */
	private static AccessDeniedHandler signedOutIsUnauthorized() {
		AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
		AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
		return (request, response, denied) -> {
			Authentication who = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
			if (denied instanceof CsrfException && !trust.isAuthenticated(who)) {
				if (HTMX.matches(request)) {
					response.setStatus(HttpStatus.UNAUTHORIZED.value());
				}
				else if (SIGN_IN_PAGES.matches(request)) {
					// a second click on "Sign in" after the first one changed the session: its page knows whether
					// that click signed this browser in
					response.sendRedirect(request.getRequestURI());
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login?expired");
				}
				return;
			}
			forbidden.handle(request, response, denied);
		};
	}

	/**
	 * A relative Location: an absolute one would be built from the request's Host header, which a client chooses
	 * (the other redirects are relative through {@code server.tomcat.use-relative-redirects}).
	 */
	private static LoginUrlAuthenticationEntryPoint toTheLoginPage() {
		LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
		login.setFavorRelativeUris(true);
		return login;
	}

	/** A login the throttle refused is not processed: it goes on to the login page, which answers 429. */
	private static ObjectPostProcessor<UsernamePasswordAuthenticationFilter> skippingRefusedAttempts() {
		return new ObjectPostProcessor<>() {

			@Override
			public <F extends UsernamePasswordAuthenticationFilter> F postProcess(F formLogin) {
				formLogin.setRequiresAuthenticationRequestMatcher(LoginThrottleFilter.NOT_REFUSED);
				return formLogin;
			}

		};
	}

	/** After signing in, back to the page that asked for it, never to an htmx fragment of it. */
	private static RequestCache pagesOnly() {
		HttpSessionRequestCache pages = new HttpSessionRequestCache();
		pages.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !HTMX.matches(request));
		return pages;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
