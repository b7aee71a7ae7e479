package io.nextbox.subscription;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SubscriptionRepository extends JpaRepository<Subscription, Long> {

	/**
	 * The subscriber's subscriptions, newest first, each with its swaps (one statement). A fetch join written in the
	 * query, not an entity graph: Hibernate caches a query's translation to SQL only without an entity graph applied,
	 * and translating it again on every call was a third of what the statement cost a page.
	 */
	@Query("select distinct s from Subscription s left join fetch s.swaps where s.subscriberId = :subscriberId "
			+ "order by s.startedOn desc")
	List<Subscription> findBySubscriberIdOrderByStartedOnDesc(Long subscriberId);

	/** The subscription with its swaps, if it is the subscriber's (one statement; a fetch join, as above). */
	@Query("select s from Subscription s left join fetch s.swaps where s.id = :id and s.subscriberId = :subscriberId")
	Optional<Subscription> findByIdAndSubscriberId(Long id, Long subscriberId);

	/** The subscriber's own subscription; anyone else's id answers exactly like an unknown one. */
	default Subscription owned(long subscriberId, long subscriptionId) {
		return findByIdAndSubscriberId(subscriptionId, subscriberId)
			.orElseThrow(() -> new SubscriptionNotFoundException(subscriptionId));
	}

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Subscription s where s.id = :id and s.subscriberId = :subscriberId")
	Optional<Subscription> lockByIdAndSubscriberId(Long id, Long subscriberId);

	/**
	 * The subscriber's own subscription, its row locked until the transaction ends ({@code select ... for update}):
	 * changes to one subscription take turns, each seeing what the one before did.
	 */
	default Subscription lockOwned(long subscriberId, long subscriptionId) {
		return lockByIdAndSubscriberId(subscriptionId, subscriberId)
			.orElseThrow(() -> new SubscriptionNotFoundException(subscriptionId));
	}

	/** A subscription with its row locked until the transaction ends, for the shipment processor. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Subscription s where s.id = :id")
	Optional<Subscription> lockById(Long id);

	long countByStatus(SubscriptionStatus status);

	List<Subscription> findByStatusAndPausedUntilLessThanEqual(SubscriptionStatus status, LocalDate date);

}
