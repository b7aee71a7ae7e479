package io.nextbox.offer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OfferService {

	private final OfferRepository offers;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	OfferService(OfferRepository offers, Clock clock, JdbcTemplate jdbc) {
		this.offers = offers;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Transactional
	public long create(NewOffer offer) {
		return offers.save(new Offer(offer, clock.instant())).getId();
	}

	/** The active offers running today at a placement; targeting is for the caller to apply per subscriber. */
	@Transactional(readOnly = true)
	public List<LiveOffer> liveOffers(Placement placement, LocalDate today) {
		return offers.findWithPlacementsByStatus(OfferStatus.ACTIVE)
			.stream()
			.filter(offer -> offer.placements().contains(placement) && offer.runsOn(today))
			.map(Offer::toLive)
			.toList();
	}

	/** The offers a subscriber dismissed since {@code since}: they are not shown to them again for a while. */
	@Transactional(readOnly = true)
	public Set<Long> dismissedSince(long subscriberId, Instant since) {
		return Set.copyOf(jdbc.queryForList("select distinct offer_id from offer_event where subscriber_id = ? "
				+ "and type = 'DISMISS' and occurred_at >= ?", Long.class, subscriberId, Timestamp.from(since)));
	}

	/** One active offer, if it still runs today. */
	@Transactional(readOnly = true)
	public Optional<LiveOffer> liveOffer(long offerId, LocalDate today) {
		return offers.findById(offerId)
			.filter(offer -> offer.isActive() && offer.runsOn(today))
			.map(Offer::toLive);
	}

	@Transactional(readOnly = true)
	public long countActive() {
		return offers.countByStatus(OfferStatus.ACTIVE);
	}

}
