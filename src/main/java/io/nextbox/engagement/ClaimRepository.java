package io.nextbox.engagement;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ClaimRepository extends JpaRepository<Claim, String> {

	Optional<Claim> findByKeyAndSubscriberId(String key, Long subscriberId);

	/**
	 * Moves a claim from one status to the next, for its own subscriber only. The status in the condition is the
	 * exactly-once guard: of fifty clicks racing on one key, one moves it and the others move nothing.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Claim c set c.status = :to, c.decidedAt = :now "
			+ "where c.key = :key and c.subscriberId = :subscriberId and c.status = :from")
	int move(String key, Long subscriberId, ClaimStatus from, ClaimStatus to, Instant now);

}
