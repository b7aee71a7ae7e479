package io.nextbox.subscription;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineRepository extends JpaRepository<TimelineEntry, Long> {

	List<TimelineEntry> findTop20BySubscriptionIdOrderByOccurredAtDescIdDesc(Long subscriptionId);

}
