package io.nextbox.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "account")
class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	@Column(name = "password_hash")
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private Role role;

	@Column(name = "display_name")
	private String displayName;

	@Column(name = "created_at")
	private Instant createdAt;

	/** Whether the password is one its owner chose (a login made for a sign-in link has a random one). */
	@Column(name = "password_set")
	private boolean passwordSet;

	protected Account() {
	}

	Account(String email, String passwordHash, Role role, String displayName, Instant createdAt) {
		this.email = email;
		this.passwordHash = passwordHash;
		this.role = role;
		this.displayName = displayName;
		this.createdAt = createdAt;
		this.passwordSet = true;
	}

	Long getId() {
		return id;
	}

	String getEmail() {
		return email;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	Role getRole() {
		return role;
	}

	String getDisplayName() {
		return displayName;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	boolean isPasswordSet() {
		return passwordSet;
	}

	/** A password its owner chose. */
	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
		this.passwordSet = true;
	}

	void changeEmail(String email) {
		this.email = email;
	}

	void changeDisplayName(String displayName) {
		this.displayName = displayName;
	}

}
