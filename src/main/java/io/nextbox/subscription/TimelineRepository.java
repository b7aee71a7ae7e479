package io.nextbox.subscription;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineRepository extends JpaRepository<TimelineEntry, Long> {

	/** The latest entry of a kind whose values end with {@code suffix}: how an add-on line was last changed. */
	Optional<TimelineEntry> findFirstBySubscriptionIdAndKindAndDetailEndingWithOrderByIdDesc(Long subscriptionId,
			String kind, String suffix);

}
