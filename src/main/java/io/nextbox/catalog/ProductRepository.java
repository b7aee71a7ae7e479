package io.nextbox.catalog;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ProductRepository extends JpaRepository<Product, Long> {

	long countByRetiredFalse();

	boolean existsBySkuAndIdNot(String sku, Long id);

	boolean existsBySku(String sku);

	/** {@code query} is a pattern made by {@link io.nextbox.shared.Like}. */
	@Query("select p from Product p where lower(p.name) like :query escape '\\' or lower(p.sku) like :query escape '\\'")
	Page<Product> search(String query, Pageable pageable);

	/** Retires it unless it is retired already: 1 if this call did it, 0 if it had been. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Product p set p.retired = true where p.id = :id and p.retired = false")
	int retire(long id);

}
