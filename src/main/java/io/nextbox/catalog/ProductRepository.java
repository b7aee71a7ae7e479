package io.nextbox.catalog;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProductRepository extends JpaRepository<Product, Long> {

	long countByRetiredFalse();

	boolean existsBySkuAndIdNot(String sku, Long id);

	boolean existsBySku(String sku);

	/** {@code query} is a pattern made by {@link io.nextbox.shared.Like}. */
	@Query("select p from Product p where lower(p.name) like :query escape '\\' or lower(p.sku) like :query escape '\\'")
	Page<Product> search(String query, Pageable pageable);

}
