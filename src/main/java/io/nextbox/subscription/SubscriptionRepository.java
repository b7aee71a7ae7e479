package io.nextbox.subscription;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriptionRepository extends JpaRepository<Subscription, Long> {

	List<Subscription> findBySubscriberIdOrderByStartedOnDesc(Long subscriberId);

	Optional<Subscription> findByIdAndSubscriberId(Long id, Long subscriberId);

	/** The subscriber's own subscription; anyone else's id answers exactly like an unknown one. */
	default Subscription owned(long subscriberId, long subscriptionId) {
		return findByIdAndSubscriberId(subscriptionId, subscriberId)
			.orElseThrow(() -> new SubscriptionNotFoundException(subscriptionId));
	}

	long countByStatus(SubscriptionStatus status);

	List<Subscription> findByStatusAndPausedUntilLessThanEqual(SubscriptionStatus status, LocalDate date);

}
