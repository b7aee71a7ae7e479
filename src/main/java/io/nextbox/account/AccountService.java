package io.nextbox.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;

import io.nextbox.shared.BatchInsert;
import io.nextbox.shared.Like;
import io.nextbox.shared.Paging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {

	private final AccountRepository accounts;

	private final SubscriberRepository subscribers;

	private final PasswordEncoder passwordEncoder;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	AccountService(AccountRepository accounts, SubscriberRepository subscribers, PasswordEncoder passwordEncoder,
			JdbcTemplate jdbc, Clock clock) {
		this.accounts = accounts;
		this.subscribers = subscribers;
		this.passwordEncoder = passwordEncoder;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	static String normalizeEmail(String email) {
		return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
	}

	@Transactional
	public long registerMerchant(String email, String displayName, String rawPassword) {
		Account account = new Account(normalizeEmail(email), passwordEncoder.encode(rawPassword), Role.MERCHANT,
				displayName, clock.instant());
		return accounts.save(account).getId();
	}

	/**
	 * Registers subscribers with logins that share one password, hashed once: hashing is deliberately slow, and a
	 * bulk load of thousands must not hash thousands of times.
	 * @return the new subscribers' ids, in the order given
	 */
	@Transactional
	public List<Long> registerSubscribers(List<NewSubscriber> newSubscribers, String rawPassword) {
		String hash = passwordEncoder.encode(rawPassword);
		List<Long> accountIds = BatchInsert.insertReturningIds(jdbc,
				"insert into account (email, password_hash, role, display_name, created_at, password_set) "
						+ "values (?, ?, ?, ?, ?, true)",
				newSubscribers, (statement, subscriber) -> {
					statement.setString(1, normalizeEmail(subscriber.email()));
					statement.setString(2, hash);
					statement.setString(3, Role.SUBSCRIBER.name());
					statement.setString(4, subscriber.firstName() + " " + subscriber.lastName());
					statement.setTimestamp(5, Timestamp.from(subscriber.createdAt()));
				});
		record Row(NewSubscriber subscriber, long accountId) {
		}
		List<Row> rows = new ArrayList<>(newSubscribers.size());
		for (int i = 0; i < newSubscribers.size(); i++) {
			rows.add(new Row(newSubscribers.get(i), accountIds.get(i)));
		}
		return BatchInsert.insertReturningIds(jdbc,
				"insert into subscriber (account_id, email, first_name, last_name, created_at) values (?, ?, ?, ?, ?)",
				rows, (statement, row) -> {
					statement.setLong(1, row.accountId());
					statement.setString(2, normalizeEmail(row.subscriber().email()));
					statement.setString(3, row.subscriber().firstName());
					statement.setString(4, row.subscriber().lastName());
					statement.setTimestamp(5, Timestamp.from(row.subscriber().createdAt()));
				});
	}

	/**
	 * The subscribers with these emails, by normalised email; those the store does not know yet are created,
	 * without a login (customers of imported history).
	 */
	@Transactional
	public Customers customers(Collection<String> emails) {
		Map<String, Long> ids = new HashMap<>();
		Set<String> wanted = emails.stream().map(AccountService::normalizeEmail).collect(Collectors.toSet());
		for (List<String> chunk : chunks(List.copyOf(wanted), 1000)) {
			subscribers.findByEmailIn(chunk).forEach(subscriber -> ids.put(subscriber.getEmail(), subscriber.getId()));
		}
		List<String> missing = wanted.stream().filter(email -> !ids.containsKey(email)).sorted().toList();
		Timestamp now = Timestamp.from(clock.instant());
		List<Long> created = BatchInsert.insertReturningIds(jdbc,
				"insert into subscriber (email, first_name, last_name, created_at) values (?, ?, '', ?)", missing,
				(statement, email) -> {
					statement.setString(1, email);
					String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
					statement.setString(2, local.length() > 60 ? local.substring(0, 60) : local);
					statement.setTimestamp(3, now);
				});
		for (int i = 0; i < missing.size(); i++) {
			ids.put(missing.get(i), created.get(i));
		}
		return new Customers(ids, missing);
	}

	private static <T> List<List<T>> chunks(List<T> all, int size) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += size) {
			chunks.add(all.subList(i, Math.min(all.size(), i + size)));
		}
		return chunks;
	}

	/**
	 * Subscribers whose email or name contains {@code query} (literally, in any case), a page at a time, in the
	 * order they joined the store: a natural order (subscriber2 before subscriber10) that also keeps the pages
	 * stable while new subscribers arrive.
	 */
	@Transactional(readOnly = true)
	public Page<SubscriberSummary> searchSubscribers(String query, int page, int size) {
		String like = Like.containing(normalizeEmail(query));
		return Paging
			.pageOrLast(page, size, Sort.by("id"), pageable -> subscribers.findByEmailOrNameLike(like, pageable))
			.map(AccountService::summary);
	}

	@Transactional(readOnly = true)
	public Optional<SubscriberSummary> subscriber(long id) {
		return subscribers.findById(id).map(AccountService::summary);
	}

	private static SubscriberSummary summary(Subscriber subscriber) {
		return new SubscriberSummary(subscriber.getId(), subscriber.getEmail(),
				(subscriber.getFirstName() + " " + subscriber.getLastName()).trim());
	}

	/** The subscriber with this email, if any. */
	@Transactional(readOnly = true)
	public Optional<SubscriberSummary> findSubscriber(String email) {
		return subscribers.findByEmail(normalizeEmail(email))
			.map(AccountService::summary);
	}

	@Transactional(readOnly = true)
	public boolean hasAccount(String email) {
		return accounts.findByEmail(normalizeEmail(email)).isPresent();
	}

	@Transactional(readOnly = true)
	public boolean hasAccounts() {
		return accounts.count() > 0;
	}

	@Transactional(readOnly = true)
	public long countSubscribers() {
		return subscribers.count();
	}

}
