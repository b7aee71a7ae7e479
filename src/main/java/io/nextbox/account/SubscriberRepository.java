package io.nextbox.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriberRepository extends JpaRepository<Subscriber, Long> {

	Optional<Subscriber> findByAccountId(Long accountId);

	Optional<Subscriber> findByEmail(String email);

	List<Subscriber> findByEmailIn(Collection<String> emails);

	Page<Subscriber> findByEmailLike(String pattern, Pageable pageable);

}
