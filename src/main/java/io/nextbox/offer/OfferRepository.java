package io.nextbox.offer;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OfferRepository extends JpaRepository<Offer, Long> {

	long countByStatus(OfferStatus status);

	@Query("select distinct o from Offer o left join fetch o.placements where o.status = :status")
	List<Offer> findWithPlacementsByStatus(OfferStatus status);

}
