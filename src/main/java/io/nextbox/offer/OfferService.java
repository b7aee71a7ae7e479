package io.nextbox.offer;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OfferService {

	private final OfferRepository offers;

	private final Clock clock;

	OfferService(OfferRepository offers, Clock clock) {
		this.offers = offers;
		this.clock = clock;
	}

	@Transactional
	public long create(NewOffer offer) {
		return offers.save(new Offer(offer, clock.instant())).getId();
	}

	@Transactional(readOnly = true)
	public long countActive() {
		return offers.countByStatus(OfferStatus.ACTIVE);
	}

}
