package io.nextbox.subscription;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AppliedActionRepository extends JpaRepository<AppliedAction, Long> {

	Optional<AppliedAction> findBySubscriptionIdAndActedOnVersion(Long subscriptionId, long actedOnVersion);

}
