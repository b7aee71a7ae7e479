package io.nextbox.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * The sessions of one login, wherever it is signed in. Spring Session indexes them by principal name, which is the
 * login's email; after a change of address they are found by the addresses it had before too, since a session
 * busy at the moment of the change may index itself under the old one again.
 */
@Service
public class AccountSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final AccountUserDetailsService users;

	private final EmailChanges emailChanges;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions, AccountUserDetailsService users,
			EmailChanges emailChanges, JdbcTemplate jdbc, Clock clock) {
		this.sessions = sessions;
		this.users = users;
		this.emailChanges = emailChanges;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The login as it is now, to sign a session in with. */
	public NextboxUser user(long accountId) {
		String email = jdbc.queryForObject("select email from account where id = ?", String.class, accountId);
		return (NextboxUser) users.loadUserByUsername(email);
	}

	/**
	 * Puts the login as it is now (name, address) into each of its sessions but {@code exceptSessionId}, the
	 * caller's own, which the caller updates: the other devices stay signed in, show the new name, and are indexed
	 * by the new address.
	 * @return the login as it is now
	 */
	public NextboxUser refreshOtherSessions(long accountId, String exceptSessionId) {
		NextboxUser user = user(accountId);
		refresh(sessions, user, accountId, exceptSessionId);
		return user;
	}

	/**
	 * Ends every session of this login, the caller's included, and stops its sign-in links not used yet.
	 * @return how many sessions ended
	 */
	public int signOutEverywhere(long accountId) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.update("update sign_in_link set expires_at = ? where account_id = ? and used_at is null and expires_at > ?",
				now, accountId, now);
		int ended = 0;
		for (String address : emailChanges.addressesOf(accountId)) {
			for (String id : sessions.findByPrincipalName(address).keySet()) {
				sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	private <S extends Session> void refresh(FindByIndexNameSessionRepository<S> repository, NextboxUser user,
			long accountId, String exceptSessionId) {
		SecurityContext context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		for (String address : emailChanges.addressesOf(accountId)) {
			for (Map.Entry<String, S> session : repository.findByPrincipalName(address).entrySet()) {
				if (!session.getKey().equals(exceptSessionId)) {
					session.getValue()
						.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
					repository.save(session.getValue());
				}
			}
		}
	}

}
