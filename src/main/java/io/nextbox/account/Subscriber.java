package io.nextbox.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer of the store; may have a login ({@code accountId}) or come from imported history only. */
@Entity
@Table(name = "subscriber")
class Subscriber {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id")
	private Long accountId;

	private String email;

	@Column(name = "first_name")
	private String firstName;

	@Column(name = "last_name")
	private String lastName;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Subscriber() {
	}

	Long getId() {
		return id;
	}

	Long getAccountId() {
		return accountId;
	}

	String getEmail() {
		return email;
	}

	String getFirstName() {
		return firstName;
	}

	String getLastName() {
		return lastName;
	}

}
