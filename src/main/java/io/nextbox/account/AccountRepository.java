package io.nextbox.account;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

	Optional<Account> findByEmail(String email);

	List<Account> findByRoleOrderByCreatedAtAscIdAsc(Role role);

	boolean existsByRole(Role role);

	/** Every merchant row, locked until the transaction ends: a removal counts them without a race. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.role = io.nextbox.account.Role.MERCHANT order by a.id")
	List<Account> lockMerchants();

}
