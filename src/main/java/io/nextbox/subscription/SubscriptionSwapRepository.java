package io.nextbox.subscription;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SubscriptionSwapRepository extends JpaRepository<SubscriptionSwap, Long> {

	List<SubscriptionSwap> findBySubscriptionId(Long subscriptionId);

	List<SubscriptionSwap> findBySubscriptionIdIn(Collection<Long> subscriptionIds);

	@Modifying(flushAutomatically = true, clearAutomatically = false)
	@Query("delete from SubscriptionSwap s where s.subscriptionId = :subscriptionId")
	int deleteAllOf(Long subscriptionId);

}
