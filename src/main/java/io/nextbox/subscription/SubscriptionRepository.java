package io.nextbox.subscription;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriptionRepository extends JpaRepository<Subscription, Long> {

	List<Subscription> findBySubscriberIdOrderByStartedOnDesc(Long subscriberId);

	long countByStatus(SubscriptionStatus status);

}
