package io.nextbox.offer;

import org.springframework.data.jpa.repository.JpaRepository;

interface OfferRepository extends JpaRepository<Offer, Long> {

	long countByStatus(OfferStatus status);

}
