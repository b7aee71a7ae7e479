package io.nextbox.subscription;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriptionRepository extends JpaRepository<Subscription, Long> {

	List<Subscription> findBySubscriberIdOrderByStartedOnDesc(Long subscriberId);

	Optional<Subscription> findByIdAndSubscriberId(Long id, Long subscriberId);

	long countByStatus(SubscriptionStatus status);

	List<Subscription> findByStatusAndPausedUntilLessThanEqual(SubscriptionStatus status, LocalDate date);

}
