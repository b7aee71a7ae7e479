package io.nextbox.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ShipmentRepository extends JpaRepository<Shipment, Long> {

	Optional<Shipment> findFirstBySubscriptionIdAndStatusOrderByShipDateAsc(Long subscriptionId, ShipmentStatus status);

	Optional<Shipment> findFirstBySubscriptionIdAndStatusOrderByShipDateDesc(Long subscriptionId,
			ShipmentStatus status);

	List<Shipment> findBySubscriptionIdAndStatus(Long subscriptionId, ShipmentStatus status);

	@Query("select distinct s from Shipment s left join fetch s.lines where s.subscriptionId in :subscriptionIds "
			+ "and s.status = io.nextbox.subscription.ShipmentStatus.OPEN")
	List<Shipment> findOpenWithLinesBySubscriptionIdIn(Collection<Long> subscriptionIds);

	@Query("select s.id from Shipment s where s.status = io.nextbox.subscription.ShipmentStatus.OPEN "
			+ "and s.shipDate <= :today order by s.shipDate, s.id")
	List<Long> findDueIds(LocalDate today);

	/**
	 * Claims an open shipment for processing. The status check in the update is the exactly-once guard: of two
	 * processors racing for the same shipment, one updates a row and the other none.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Shipment s set s.status = io.nextbox.subscription.ShipmentStatus.PROCESSED, s.processedAt = :now, "
			+ "s.version = s.version + 1 where s.id = :id and s.status = io.nextbox.subscription.ShipmentStatus.OPEN")
	int claimForProcessing(Long id, Instant now);

}
