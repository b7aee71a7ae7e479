package io.nextbox.platform;

import java.time.Duration;
import java.time.Instant;

import io.nextbox.support.MovingClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

class InMemorySessionsTests {

	private final MovingClock clock = new MovingClock(Instant.parse("2026-11-28T08:00:00Z"));

	private final InMemorySessions sessions = new InMemorySessions(Duration.ofHours(8), clock);

	@Test
	void aRequestWorksOnItsOwnCopyUntilItSaves() {
		MapSession created = sessions.createSession();
		created.setAttribute("message", "saved");
		sessions.save(created);

		MapSession request = sessions.findById(created.getId());
		request.setAttribute("message", "changed");

		assertThat(sessions.findById(created.getId()).<String>getAttribute("message")).isEqualTo("saved");
		sessions.save(request);
		assertThat(sessions.findById(created.getId()).<String>getAttribute("message")).isEqualTo("changed");
	}

	@Test
	void everySessionOfALoginIsFoundByItsEmailAndNoOneElses() {
		MapSession phone = signedIn("ada@nextbox.test");
		MapSession laptop = signedIn("ada@nextbox.test");
		signedIn("bob@nextbox.test");
		sessions.save(sessions.createSession());

		assertThat(sessions.findByPrincipalName("ada@nextbox.test")).containsOnlyKeys(phone.getId(), laptop.getId());
		assertThat(sessions.findByIndexNameAndIndexValue(
				FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "carol@nextbox.test")).isEmpty();
	}

	@Test
	void aNewSessionIdAtLoginLeavesNoSessionUnderTheOldOne() {
		MapSession session = sessions.createSession();
		sessions.save(session);
		String before = session.getId();

		MapSession login = sessions.findById(before);
		login.changeSessionId();
		sessions.save(login);

		assertThat(sessions.findById(before)).isNull();
		assertThat(sessions.findById(login.getId())).isNotNull();
		assertThat(sessions.size()).isEqualTo(1);
	}

	@Test
	void aSessionSignedOutEverywhereIsNotBroughtBackByARequestStillRunning() {
		MapSession session = signedIn("ada@nextbox.test");
		MapSession running = sessions.findById(session.getId());

		for (String id : sessions.findByPrincipalName("ada@nextbox.test").keySet()) {
			sessions.deleteById(id);
		}
		running.setAttribute("message", "late");
		sessions.save(running);

		assertThat(sessions.findById(session.getId())).isNull();
		assertThat(sessions.findByPrincipalName("ada@nextbox.test")).isEmpty();
	}

	@Test
	void aSessionIdleLongerThanTheTimeoutIsGone() {
		MapSession idle = signedIn("ada@nextbox.test");
		clock.move(Duration.ofHours(4));
		MapSession active = signedIn("bob@nextbox.test");
		clock.move(Duration.ofHours(4).plusSeconds(1));

		assertThat(sessions.findById(idle.getId())).isNull();
		assertThat(sessions.findByPrincipalName("ada@nextbox.test")).isEmpty();
		assertThat(sessions.findById(active.getId())).isNotNull();
		sessions.removeExpired();
		assertThat(sessions.size()).isEqualTo(1);
	}

	private MapSession signedIn(String email) {
		MapSession session = sessions.createSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
				new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(email, null,
						AuthorityUtils.createAuthorityList("ROLE_SUBSCRIBER"))));
		sessions.save(session);
		return session;
	}

}
