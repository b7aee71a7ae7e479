package io.nextbox.engagement;

import java.sql.Timestamp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the claim a signed card's click makes, in the caller's transaction: inserted only when its key is not taken
 * yet, so a second click finds it without an error (two clicks racing past the check at once are told apart by the
 * primary key, and the loser answers as a replay does).
 */
@Component
class ClaimInserts {

	private final JdbcTemplate jdbc;

	ClaimInserts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the claim was inserted: {@code false} when a claim with its key exists already. */
	boolean insertIfAbsent(Claim claim) {
		return jdbc.update("""
				insert into offer_claim (claim_key, subscriber_id, subscription_id, shipment_id, offer_id, placement,
				  kind, product_id, target_plan_id, unit_price, status, issued_at, decided_at, reason)
				select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from (values (0)) one
				where not exists (select 1 from offer_claim where claim_key = ?)""", claim.getKey(),
				claim.getSubscriberId(), claim.getSubscriptionId(), claim.getShipmentId(), claim.getOfferId(),
				claim.getPlacement().name(), claim.getKind().name(), claim.getProductId(), claim.getTargetPlanId(),
				claim.getUnitPrice(), claim.getStatus().name(), Timestamp.from(claim.getIssuedAt()),
				claim.getDecidedAt() == null ? null : Timestamp.from(claim.getDecidedAt()), claim.getReason(),
				claim.getKey()) == 1;
	}

	/** Records the line an inserted claim made, and the box it went into. */
	void madeLine(Claim claim) {
		jdbc.update("update offer_claim set shipment_line_id = ?, shipment_id = ? where claim_key = ?",
				claim.getShipmentLineId(), claim.getShipmentId(), claim.getKey());
	}

}
