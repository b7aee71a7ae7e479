package io.nextbox.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.nextbox.audit.AuditAction;
import io.nextbox.audit.AuditArea;
import io.nextbox.audit.AuditLog;
import io.nextbox.audit.FieldChange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The store's staff: the merchants who sign in to the admin pages. */
@Service
public class MerchantService {

	/**
	 * A merchant on the staff page; {@code pending} while an invited merchant has not set a password yet.
	 */
	public record Merchant(long id, String email, String name, LocalDate since, boolean pending) {
	}

	/** How a removal ended. */
	public enum Removal {

		REMOVED, ALREADY_GONE, LAST_MERCHANT, YOURSELF

	}

	/** What {@link #addMerchant} did: created the account or prepared a reset of an existing one. */
	public record AddedMerchant(String email, boolean created, String link) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final PasswordLinks links;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final AuditLog audit;

	MerchantService(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			PasswordLinks links, JdbcTemplate jdbc, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.links = links;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Merchant> merchants() {
		return accounts.findByRoleOrderByCreatedAtAscIdAsc(Role.MERCHANT)
			.stream()
			.map(account -> new Merchant(account.getId(), account.getEmail(), account.getDisplayName(),
					LocalDate.ofInstant(account.getCreatedAt(), clock.getZone()), pending(account.getId())))
			.toList();
	}

	/**
	 * Whether this merchant was given a set-password link and never used one: created without a password (invited
	 * or by {@code add-merchant}) and not signed in yet. A merchant created with a password has no link at all.
	 */
	@Transactional(readOnly = true)
	public boolean pending(long accountId) {
		return jdbc.queryForObject("""
				select count(*) from password_token t where t.account_id = ?
				and not exists (select 1 from password_token u where u.account_id = t.account_id and u.used_at is not null)""",
				Long.class, accountId) > 0;
	}

	@Transactional(readOnly = true)
	public boolean hasMerchant() {
		return accounts.existsByRole(Role.MERCHANT);
	}

	/**
	 * Creates the merchant with this email, or, for an existing merchant, keeps the account and its password until
	 * the new link is used; either way answers a one-time link to set the password.
	 * @throws IllegalArgumentException when the email is not an address, or belongs to a subscriber's login
	 */
	@Transactional
	public AddedMerchant addMerchant(String email) {
		String normalized = requireEmail(email);
		Optional<Account> existing = accounts.findByEmail(normalized);
		if (existing.isPresent() && existing.get().getRole() != Role.MERCHANT) {
			throw new IllegalArgumentException(normalized + " is a subscriber's login, not a merchant");
		}
		Account account = existing.orElseGet(() -> accounts.save(new Account(normalized, unusablePasswordHash(),
				Role.MERCHANT, displayName(normalized), clock.instant())));
		audit.recorded(AuditArea.STAFF, account.getId(), normalized,
				existing.isEmpty() ? AuditAction.ADDED : AuditAction.PASSWORD_LINK_ISSUED,
				existing.isEmpty() ? new FieldChange[] { FieldChange.set("email", normalized) } : new FieldChange[0]);
		return new AddedMerchant(normalized, existing.isEmpty(), links.issue(account.getId()));
	}

	/**
	 * Creates a merchant with this password, unless the email is taken.
	 * @throws PasswordRefusedException when the policy refuses the password
	 * @throws IllegalArgumentException when the email is not an address or already has an account
	 */
	@Transactional
	public long createMerchant(String email, String password) {
		String normalized = requireEmail(email);
		PasswordRefusedException.check(policy, password);
		if (accounts.findByEmail(normalized).isPresent()) {
			throw new IllegalArgumentException(normalized + " already has an account");
		}
		long id = accounts.save(new Account(normalized, passwordEncoder.encode(password), Role.MERCHANT,
				displayName(normalized), clock.instant()))
			.getId();
		audit.recorded(AuditArea.STAFF, id, normalized, AuditAction.ADDED, FieldChange.set("email", normalized));
		return id;
	}

	/**
	 * Removes a merchant, never the last one nor the one asking; their sessions end with the account. The merchant
	 * rows are locked first, so two merchants removing each other at the same moment cannot leave the store without
	 * one. Removing someone already removed answers {@link Removal#ALREADY_GONE} (a double click, a second tab).
	 */
	@Transactional
	public Removal removeMerchant(long actorAccountId, long merchantId) {
		if (actorAccountId == merchantId) {
			return Removal.YOURSELF;
		}
		List<Account> merchants = accounts.lockMerchants();
		Optional<Account> target = merchants.stream().filter(account -> account.getId() == merchantId).findFirst();
		if (target.isEmpty()) {
			return Removal.ALREADY_GONE;
		}
		if (merchants.size() <= 1) {
			return Removal.LAST_MERCHANT;
		}
		jdbc.update("delete from spring_session where principal_name = ?", target.get().getEmail());
		accounts.delete(target.get());
		audit.recorded(AuditArea.STAFF, merchantId, target.get().getEmail(), AuditAction.REMOVED,
				new FieldChange("email", target.get().getEmail(), ""));
		return Removal.REMOVED;
	}

	/**
	 * Changes a signed-in person's password after checking the current one.
	 * @return false when the current password does not match (nothing changed)
	 * @throws PasswordRefusedException when the policy refuses the new password
	 */
	@Transactional
	public boolean changePassword(long accountId, String currentPassword, String newPassword) {
		Account account = accounts.findById(accountId).orElseThrow();
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
			return false;
		}
		PasswordRefusedException.check(policy, newPassword);
		account.changePasswordHash(passwordEncoder.encode(newPassword));
		audit.recorded(AuditArea.STAFF, accountId, account.getEmail(), AuditAction.PASSWORD_CHANGED,
				FieldChange.secret("password"));
		return true;
	}

	private static String requireEmail(String email) {
		String normalized = AccountService.normalizeEmail(email);
		if (!normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || normalized.length() > 254) {
			throw new IllegalArgumentException("'" + email + "' is not an email address");
		}
		return normalized;
	}

	private static String displayName(String email) {
		String local = email.substring(0, email.indexOf('@'));
		return local.length() > 100 ? local.substring(0, 100) : local;
	}

	/** The hash of a random secret nobody knows: the account cannot sign in until its link sets a password. */
	private String unusablePasswordHash() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return passwordEncoder.encode(Base64.getEncoder().encodeToString(secret));
	}

}
