package io.nextbox.ordering;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrderRepository extends JpaRepository<Order, Long> {

	@Query("select distinct o from Order o left join fetch o.lines where o.subscriberId = :subscriberId order by o.orderedAt desc")
	List<Order> findWithLinesBySubscriberId(Long subscriberId);

}
