package io.nextbox.account.web;

import io.nextbox.account.NextboxUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a person in the way the password form does: a new session id (no fixation), a new CSRF token, and the
 * security context saved in the session, which Spring Session keeps in the database.
 */
@Component
class SignInSession {

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final ChangeSessionIdAuthenticationStrategy fixation = new ChangeSessionIdAuthenticationStrategy();

	private final CsrfAuthenticationStrategy csrf = new CsrfAuthenticationStrategy(
			new HttpSessionCsrfTokenRepository());

	void signIn(NextboxUser user, HttpServletRequest request, HttpServletResponse response) {
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		request.getSession(true);
		fixation.onAuthentication(authentication, request, response);
		csrf.onAuthentication(authentication, request, response);
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(authentication);
		holder.setContext(context);
		repository.saveContext(context, request, response);
	}

	/**
	 * Puts the person as they are now (a new name, a new address) into this request's session, keeping its id and
	 * CSRF token: the session goes on, and Spring Session indexes it by the new address.
	 */
	void refresh(NextboxUser user, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		holder.setContext(context);
		repository.saveContext(context, request, response);
	}

}
