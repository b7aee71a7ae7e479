package io.nextbox.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ShipmentRepository extends JpaRepository<Shipment, Long> {

	Optional<Shipment> findFirstBySubscriptionIdAndStatusOrderByShipDateAsc(Long subscriptionId, ShipmentStatus status);

	Optional<Shipment> findFirstBySubscriptionIdAndStatusOrderByShipDateDesc(Long subscriptionId,
			ShipmentStatus status);

	List<Shipment> findBySubscriptionIdAndStatus(Long subscriptionId, ShipmentStatus status);

	/** The open boxes due by {@code today}, but not one that failed and waits for its retry after {@code now}. */
	@Query("select s.id from Shipment s where s.status = io.nextbox.subscription.ShipmentStatus.OPEN "
			+ "and s.shipDate <= :today and (s.retryAt is null or s.retryAt <= :now) order by s.shipDate, s.id")
	List<Long> findDueIds(LocalDate today, Instant now);

	/** Open boxes whose last processing failed, the most recent failure first. */
	@Query("select s from Shipment s where s.status = io.nextbox.subscription.ShipmentStatus.OPEN "
			+ "and s.failedAt is not null order by s.failedAt desc, s.id desc")
	List<Shipment> findFailed(Pageable page);

	/**
	 * Claims an open shipment for processing. The status check in the update is the exactly-once guard: of two
	 * processors racing for the same shipment, one updates a row and the other none. A failure recorded by an
	 * earlier try is cleared with it: it rolls back with the claim if this try fails too.
	 */
	@Query("select s.subscriptionId from Shipment s where s.id = :id")
	Optional<Long> findSubscriptionIdById(Long id);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Shipment s set s.status = io.nextbox.subscription.ShipmentStatus.PROCESSED, s.processedAt = :now, "
			+ "s.failureCount = 0, s.failureReason = null, s.failedAt = null, s.retryAt = null, "
			+ "s.version = s.version + 1 where s.id = :id and s.status = io.nextbox.subscription.ShipmentStatus.OPEN")
	int claimForProcessing(Long id, Instant now);

}
