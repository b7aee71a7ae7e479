package io.nextbox.catalog;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PlanRepository extends JpaRepository<Plan, Long> {

	long countByRetiredFalse();

	boolean existsBySku(String sku);

	boolean existsBySkuAndIdNot(String sku, Long id);

	@Query("select p from Plan p join fetch p.family f where f.id = :familyId and p.retired = false order by p.tier")
	List<Plan> findLiveInFamily(Long familyId);

	@Query("select distinct p from Plan p join fetch p.family left join fetch p.items")
	List<Plan> findAllWithFamilyAndItems();

	@Query("select p from Plan p join fetch p.family where p.id in :ids")
	List<Plan> findWithFamilyByIdIn(Collection<Long> ids);

	/** Retires it unless it is retired already: 1 if this call did it, 0 if it had been. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Plan p set p.retired = true where p.id = :id and p.retired = false")
	int retire(long id);

}
