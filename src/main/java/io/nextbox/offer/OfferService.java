package io.nextbox.offer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.nextbox.audit.AuditArea;
import io.nextbox.audit.AuditLog;
import io.nextbox.catalog.CatalogService;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OfferService {

	private final OfferRepository offers;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	private final CatalogService catalog;

	private final AuditLog audit;

	OfferService(OfferRepository offers, Clock clock, JdbcTemplate jdbc, CatalogService catalog, AuditLog audit) {
		this.offers = offers;
		this.clock = clock;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.audit = audit;
	}

	@Transactional
	public long create(NewOffer offer) {
		return saved(new Offer(offer, clock.instant()));
	}

	private long saved(Offer offer) {
		Offer saved = offers.save(offer);
		audit.created(AuditArea.OFFERS, saved.getId(), saved.toDraft().name(), saved.toDraft());
		return saved.getId();
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

	/**
	 * Whether an offer is active and runs today, in one statement: what a card's click checks in its transaction
	 * (its targeting was checked when the card was shown).
	 */
	@Transactional(readOnly = true)
	public boolean runsToday(long offerId, LocalDate today) {
		Integer live = jdbc.queryForObject("select count(*) from offer where id = ? and status = 'ACTIVE' "
				+ "and (starts_on is null or starts_on <= ?) and (ends_on is null or ends_on >= ?)", Integer.class,
				offerId, today, today);
		return live != null && live > 0;
	}

	/** One active offer, if it still runs today. */
	@Transactional(readOnly = true)
	public Optional<LiveOffer> liveOffer(long offerId, LocalDate today) {
		return offers.findById(offerId)
			.filter(offer -> offer.isActive() && offer.runsOn(today))
			.map(Offer::toLive);
	}

	/** Every offer, highest priority first, with its take rate over the last 30 days. */
	@Transactional(readOnly = true)
	public List<OfferSummary> list() {
		Map<Long, long[]> rates = new HashMap<>();
		jdbc.query("select offer_id, sum(case when type = 'IMPRESSION' then 1 else 0 end), "
				+ "sum(case when type = 'ACCEPT' then 1 else 0 end) from offer_event "
				+ "where occurred_at >= ? and holdout = false group by offer_id", (ResultSet row) -> {
					rates.put(row.getLong(1), new long[] { row.getLong(2), row.getLong(3) });
				}, Timestamp.from(clock.instant().minus(Duration.ofDays(30))));
		return offers.findAll(Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("name")))
			.stream()
			.map(offer -> {
				long[] rate = rates.getOrDefault(offer.getId(), new long[2]);
				return offer.toSummary(rate[0] == 0 ? 0 : (double) rate[1] / rate[0], rate[0]);
			})
			.toList();
	}

	/** Every offer's name and kind by id, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, OfferLabel> labels() {
		Map<Long, OfferLabel> labels = new HashMap<>();
		jdbc.query("select id, name, kind from offer", (ResultSet row) -> {
			labels.put(row.getLong(1), new OfferLabel(row.getLong(1), row.getString(2),
					OfferKind.valueOf(row.getString(3))));
		});
		return labels;
	}

	@Transactional(readOnly = true)
	public Optional<OfferStatus> statusOf(long id) {
		return offers.findById(id).map(Offer::getStatus);
	}

	@Transactional(readOnly = true)
	public Optional<OfferDraft> draftOf(long id) {
		return offers.findById(id).map(Offer::toDraft);
	}

	/** Saves a new offer as a draft, or refuses it with every problem found ({@link InvalidOfferException}). */
	@Transactional
	public long create(OfferDraft draft) {
		return saved(new Offer(checked(draft, OfferStatus.DRAFT), clock.instant()));
	}

	@Transactional
	public void update(long id, OfferDraft draft) {
		Offer offer = offers.findById(id).orElseThrow(() -> new OfferNotFoundException(id));
		OfferDraft before = offer.toDraft();
		offer.revise(checked(draft, offer.getStatus()));
		audit.updated(AuditArea.OFFERS, id, offer.toDraft().name(), before, offer.toDraft());
	}

	/** Activates, pauses or ends an offer. An ended offer stays ended; a draft that no longer holds cannot start. */
	@Transactional
	public void changeStatus(long id, OfferStatus status) {
		Offer offer = offers.findById(id).orElseThrow(() -> new OfferNotFoundException(id));
		if (offer.getStatus() == OfferStatus.ENDED && status != OfferStatus.ENDED) {
			throw new InvalidOfferException(List.of(OfferProblem.of("status", "offer.status.ended")));
		}
		if (status == OfferStatus.ACTIVE) {
			checked(offer.toDraft(), status);
		}
		audit.statusChanged(AuditArea.OFFERS, id, offer.toDraft().name(), offer.getStatus(), status);
		offer.changeStatus(status);
	}

	/**
	 * A copy of an offer, as a new draft; refused ({@link InvalidOfferException}) when the offer no longer holds, say
	 * its product was retired since: {@link #copyOf} then gives the copy to correct.
	 */
	@Transactional
	public long duplicate(long id) {
		return create(copyOf(id));
	}

	/** What a copy of an offer would be, named as a copy. */
	@Transactional(readOnly = true)
	public OfferDraft copyOf(long id) {
		OfferDraft draft = offers.findById(id).orElseThrow(() -> new OfferNotFoundException(id)).toDraft();
		String name = draft.name().length() > OfferRules.MAX_NAME - 7 ? draft.name().substring(0, OfferRules.MAX_NAME - 7)
				: draft.name();
		return new OfferDraft(name + " (copy)", draft.kind(), draft.productId(), draft.targetPlanId(),
				draft.discountType(), draft.discountValue(), draft.placements(), draft.targetPlanIds(),
				draft.targetFamilyIds(), draft.minOrders(), draft.minTenureDays(), draft.excludeExisting(),
				draft.startsOn(), draft.endsOn(), draft.priority());
	}

	private NewOffer checked(OfferDraft draft, OfferStatus status) {
		Set<Long> planIds = new HashSet<>(draft.targetPlanIds() == null ? Set.of() : draft.targetPlanIds());
		planIds.remove(null);
		if (draft.targetPlanId() != null) {
			planIds.add(draft.targetPlanId());
		}
		OfferDraft complete = new OfferDraft(draft.name(), draft.kind(), draft.productId(), draft.targetPlanId(),
				draft.discountType(), draft.discountValue(), draft.placements(),
				draft.targetPlanIds() == null ? Set.of() : draft.targetPlanIds(),
				draft.targetFamilyIds() == null ? Set.of() : draft.targetFamilyIds(), draft.minOrders(),
				draft.minTenureDays(), draft.excludeExisting(), draft.startsOn(), draft.endsOn(), draft.priority());
		List<OfferProblem> problems = OfferRules.check(complete,
				draft.productId() == null ? Map.of() : catalog.products(List.of(draft.productId())),
				catalog.plans(planIds), catalog.families().keySet());
		if (!problems.isEmpty()) {
			throw new InvalidOfferException(problems);
		}
		boolean addOn = complete.kind() == OfferKind.ADD_ON;
		DiscountType discount = complete.discountType() == null ? DiscountType.NONE : complete.discountType();
		return new NewOffer(complete.name().trim(), complete.kind(), addOn ? complete.productId() : null,
				addOn ? null : complete.targetPlanId(), discount,
				discount == DiscountType.NONE || complete.discountValue() == null ? BigDecimal.ZERO
						: complete.discountValue(),
				status, complete.priority(), complete.startsOn(), complete.endsOn(), complete.minOrders(),
				complete.minTenureDays(), complete.excludeExisting(), complete.placements(), complete.targetPlanIds(),
				complete.targetFamilyIds());
	}

	@Transactional(readOnly = true)
	public long countActive() {
		return offers.countByStatus(OfferStatus.ACTIVE);
	}

}
