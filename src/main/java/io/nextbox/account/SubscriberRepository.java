package io.nextbox.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SubscriberRepository extends JpaRepository<Subscriber, Long> {

	Optional<Subscriber> findByAccountId(Long accountId);

	Optional<Subscriber> findByEmail(String email);

	List<Subscriber> findByEmailIn(Collection<String> emails);

	/**
	 * Subscribers whose email, first, last or full name matches {@code pattern}, a lower-case pattern made by
	 * {@link io.nextbox.shared.Like}.
	 */
	@Query("""
			select s from Subscriber s
			where lower(s.email) like :pattern escape '\\'
			   or lower(concat(s.firstName, ' ', s.lastName)) like :pattern escape '\\'""")
	Page<Subscriber> findByEmailOrNameLike(String pattern, Pageable pageable);

}
