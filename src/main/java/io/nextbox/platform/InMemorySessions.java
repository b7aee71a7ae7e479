package io.nextbox.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.PrincipalNameIndexResolver;

/**
 * HTTP sessions in this instance's memory, the single-instance default ({@code nextbox.sessions=memory}): no
 * database statement per request. Like Spring Session's {@code MapSessionRepository}, every request works on its
 * own copy, saved back whole; unlike it, sessions are found by principal name too (an account's "sign out on every
 * device" and a change of address need that), by a scan, as those are rare. A restart signs everyone out; several
 * instances need {@code nextbox.sessions=jdbc}.
 */
class InMemorySessions implements FindByIndexNameSessionRepository<MapSession> {

	private final Map<String, MapSession> sessions = new ConcurrentHashMap<>();

	/** Sessions created and not saved yet, by id, with when: only these may be added by a save. */
	private final Map<String, Instant> created = new ConcurrentHashMap<>();

	private final PrincipalNameIndexResolver<MapSession> principalNames = new PrincipalNameIndexResolver<>();

	private final Duration maxInactive;

	private final Clock clock;

	InMemorySessions(Duration maxInactive, Clock clock) {
		this.maxInactive = maxInactive;
		this.clock = clock;
	}

	@Override
	public MapSession createSession() {
		MapSession session = new MapSession();
		session.setMaxInactiveInterval(maxInactive);
		session.setCreationTime(clock.instant());
		session.setLastAccessedTime(session.getCreationTime());
		created.put(session.getId(), session.getCreationTime());
		return session;
	}

	/**
	 * Saves the request's copy whole (of two requests of one session at once, the later one's attributes win). A
	 * session deleted meanwhile (signed out on every device) stays deleted: only a new session is added.
	 */
	@Override
	public void save(MapSession session) {
		MapSession copy = new MapSession(session);
		if (created.remove(session.getOriginalId()) != null) {
			sessions.put(session.getId(), copy);
		}
		else if (session.getId().equals(session.getOriginalId())) {
			sessions.computeIfPresent(session.getId(), (id, saved) -> copy);
		}
		else if (sessions.remove(session.getOriginalId()) != null) {
			sessions.put(session.getId(), copy);
		}
	}

	@Override
	public MapSession findById(String id) {
		MapSession saved = sessions.get(id);
		if (saved == null) {
			return null;
		}
		if (expired(saved)) {
			sessions.remove(id, saved);
			return null;
		}
		return new MapSession(saved);
	}

	@Override
	public void deleteById(String id) {
		sessions.remove(id);
	}

	@Override
	public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		if (!PRINCIPAL_NAME_INDEX_NAME.equals(indexName) || indexValue == null) {
			return Map.of();
		}
		return sessions.values()
			.stream()
			.filter(session -> !expired(session))
			.filter(session -> indexValue.equals(principalNames.resolveIndexValueFor(session)))
			.collect(Collectors.toMap(MapSession::getId, MapSession::new));
	}

	/** Forgets the sessions that expired; each is refused on its own anyway once expired. */
	int removeExpired() {
		int before = sessions.size();
		sessions.values().removeIf(this::expired);
		Instant longAgo = clock.instant().minus(maxInactive);
		created.values().removeIf(when -> when.isBefore(longAgo));
		return before - sessions.size();
	}

	int size() {
		return sessions.size();
	}

	private boolean expired(MapSession session) {
		Duration inactive = session.getMaxInactiveInterval();
		return !inactive.isNegative() && clock.instant().isAfter(session.getLastAccessedTime().plus(inactive));
	}

}
