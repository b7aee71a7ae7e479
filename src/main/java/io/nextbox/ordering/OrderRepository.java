package io.nextbox.ordering;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrderRepository extends JpaRepository<Order, Long> {

	@Query("select distinct o from Order o left join fetch o.lines where o.subscriberId = :subscriberId order by o.orderedAt desc")
	List<Order> findWithLinesBySubscriberId(Long subscriberId);

	@Query("select o from Order o left join fetch o.lines where o.orderNumber = :orderNumber and o.subscriberId = :subscriberId")
	Optional<Order> findWithLinesByOrderNumberAndSubscriberId(String orderNumber, Long subscriberId);

	@Query("select o.id from Order o where o.subscriberId = :subscriberId order by o.orderedAt desc, o.id desc")
	Page<Long> findIdsBySubscriberId(Long subscriberId, Pageable pageable);

	@Query("select distinct o from Order o left join fetch o.lines where o.id in :ids order by o.orderedAt desc, o.id desc")
	List<Order> findWithLinesByIdIn(Collection<Long> ids);

}
