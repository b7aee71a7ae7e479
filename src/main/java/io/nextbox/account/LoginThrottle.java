package io.nextbox.account;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Throttles password logins: an account (by the email typed, whether or not an account has it) may have
 * {@code nextbox.login.max-failures-per-account} failures within {@code nextbox.login.account-window}, a client
 * address {@code nextbox.login.max-failures-per-address} within {@code nextbox.login.address-window}; beyond that an
 * attempt is refused before its password is looked at, until the oldest failure leaves the window.
 * <p>
 * An attempt takes a slot of its account and one of its address before its password is checked, and keeps them as
 * failures unless it succeeds: so however many attempts arrive at once, on however many instances, no more than the
 * limit are evaluated. A slot is a row of {@code login_failure}; the primary key (key, slot number below the limit)
 * lets only one of two racing inserts win, and an expired slot is taken back by a conditional update. Every
 * statement commits on its own: there is no transaction to hold a lock while a password is hashed.
 */
@Service
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class LoginThrottle {

	/** The request attribute the web layer keeps the {@link Attempt} of a login under. */
	public static final String ATTEMPT = "io.nextbox.account.LoginThrottle.ATTEMPT";

	/** Rounds lost to other instances, beyond one per slot, after which an attempt is refused for a minute. */
	private static final int CONTENTION_ROUNDS = 10;

	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%.*)?");

	enum Kind {

		ACCOUNT, ADDRESS, LINK_EMAIL, LINK_ADDRESS

	}

	/** What became of a login attempt before its password was checked. */
	public sealed interface Attempt permits Allowed, Refused {

	}

	/** The attempt may be evaluated; it holds a slot of its account and of its address. */
	public record Allowed(Slot account, Slot address) implements Attempt {

	}

	/** Too many failures: refused without looking at the password, to be tried again after {@code retryAfter}. */
	public record Refused(Duration retryAfter) implements Attempt {

		/** The wait in whole minutes, rounded up, at least one. */
		public long minutes() {
			return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
		}

		/** The wait in whole seconds, rounded up, at least one (for a {@code Retry-After} header). */
		public long seconds() {
			return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
		}

	}

	record Slot(Kind kind, String keyHash, int number, OffsetDateTime takenAt) {

	}

	record Limit(Kind kind, String keyHash, int max, Duration window) {

	}

	/** Either a slot or, when the key has no slot to give, how long until one frees up. */
	private record Taken(Slot slot, Duration retryAfter) {

	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final LoginThrottleProperties limits;

	LoginThrottle(JdbcTemplate jdbc, Clock clock, LoginThrottleProperties limits) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.limits = limits;
	}

	/**
	 * Before a password is checked: takes a slot of the account named by {@code email} and one of
	 * {@code clientAddress}, or refuses. The same work and the same answer whether or not the account exists.
	 */
	public Attempt begin(String email, String clientAddress) {
		return takeBoth(new Limit(Kind.ACCOUNT, accountKey(email), limits.maxFailuresPerAccount(),
				limits.accountWindow()),
				new Limit(Kind.ADDRESS, addressKey(clientAddress), limits.maxFailuresPerAddress(),
						limits.addressWindow()));
	}

	/**
	 * Takes a slot of {@code first}, then one of {@code second}; when the second has none left, the first is given
	 * back, so a refused attempt counts against neither.
	 */
	Attempt takeBoth(Limit first, Limit second) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Taken one = take(first, now);
		if (one.slot() == null) {
			return new Refused(one.retryAfter());
		}
		Taken two = take(second, now);
		if (two.slot() == null) {
			release(one.slot());
			return new Refused(two.retryAfter());
		}
		return new Allowed(one.slot(), two.slot());
	}

	/** The password was right: the account's failures are forgotten, and the address's slot of this attempt freed. */
	public void succeeded(Allowed attempt) {
		jdbc.update("delete from login_failure where key_kind = ? and key_hash = ?", Kind.ACCOUNT.name(),
				attempt.account().keyHash());
		release(attempt.address());
	}

	/** Forgets failures that left their window; any instance may run it at any time. */
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
	public void prune() {
		Instant now = clock.instant();
		jdbc.update("delete from login_failure where key_kind = ? and failed_at <= ?", Kind.ACCOUNT.name(),
				now.minus(limits.accountWindow()).atOffset(ZoneOffset.UTC));
		jdbc.update("delete from login_failure where key_kind = ? and failed_at <= ?", Kind.ADDRESS.name(),
				now.minus(limits.addressWindow()).atOffset(ZoneOffset.UTC));
		jdbc.update("delete from login_failure where key_kind in (?, ?) and failed_at <= ?", Kind.LINK_EMAIL.name(),
				Kind.LINK_ADDRESS.name(), now.minus(LinkRequestLimits.WINDOW).atOffset(ZoneOffset.UTC));
	}

	private Taken take(Limit limit, Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		OffsetDateTime cutoff = now.minus(limit.window()).atOffset(ZoneOffset.UTC);
		for (int round = 0; round <= limit.max() + CONTENTION_ROUNDS; round++) {
			List<Slot> slots = jdbc.query(
					"select slot, failed_at from login_failure where key_kind = ? and key_hash = ? order by failed_at, slot",
					(row, i) -> new Slot(limit.kind(), limit.keyHash(), row.getInt("slot"),
							row.getObject("failed_at", OffsetDateTime.class)),
					limit.kind().name(), limit.keyHash());
			List<Slot> live = slots.stream().filter(slot -> slot.takenAt().isAfter(cutoff)).toList();
			if (live.size() >= limit.max()) {
				OffsetDateTime frees = live.get(live.size() - limit.max()).takenAt().plus(limit.window());
				return new Taken(null, Duration.between(now, frees.toInstant()));
			}
			Slot expired = slots.stream()
				.filter(slot -> slot.number() < limit.max() && !slot.takenAt().isAfter(cutoff))
				.findFirst()
				.orElse(null);
			if (expired != null) {
				int reclaimed = jdbc.update(
						"update login_failure set failed_at = ? where key_kind = ? and key_hash = ? and slot = ? and failed_at <= ?",
						at, limit.kind().name(), limit.keyHash(), expired.number(), cutoff);
				if (reclaimed == 1) {
					return new Taken(new Slot(limit.kind(), limit.keyHash(), expired.number(), at), null);
				}
				continue;
			}
			Set<Integer> used = slots.stream().map(Slot::number).collect(Collectors.toSet());
			int free = 0;
			while (used.contains(free)) {
				free++;
			}
			if (free >= limit.max()) {
				continue;
			}
			try {
				jdbc.update("insert into login_failure (key_kind, key_hash, slot, failed_at) values (?, ?, ?, ?)",
						limit.kind().name(), limit.keyHash(), free, at);
				return new Taken(new Slot(limit.kind(), limit.keyHash(), free, at), null);
			}
			catch (DuplicateKeyException lost) {
				// another attempt took this slot first: look again
			}
		}
		return new Taken(null, Duration.ofMinutes(1));
	}

	private void release(Slot slot) {
		jdbc.update("delete from login_failure where key_kind = ? and key_hash = ? and slot = ? and failed_at = ?",
				slot.kind().name(), slot.keyHash(), slot.number(), slot.takenAt());
	}

	/** An account's key: the email as accounts are looked up (trimmed, lower case), hashed. */
	static String accountKey(String email) {
		return Secrets.sha256(AccountService.normalizeEmail(email));
	}

	/**
	 * A client address's key, hashed: an IPv4 address as it is, an IPv6 address by its /64 network, since one
	 * subscriber line usually gets a whole /64 and could otherwise try from endless addresses.
	 */
	static String addressKey(String address) {
		if (address == null) {
			return Secrets.sha256("");
		}
		String key = address.trim();
		if (key.indexOf(':') >= 0 && IP_LITERAL.matcher(key).matches()) {
			try {
				InetAddress parsed = InetAddress.getByName(key);
				if (parsed instanceof Inet6Address) {
					key = "v6/64:" + HexFormat.of().formatHex(Arrays.copyOf(parsed.getAddress(), 8));
				}
				else {
					key = parsed.getHostAddress();
				}
			}
			catch (UnknownHostException notAnAddress) {
				// keep the text as it is
			}
		}
		return Secrets.sha256(key);
	}

}
