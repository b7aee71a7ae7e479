package io.nextbox.catalog;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "product")
class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String sku;

	private String name;

	private String description;

	@Column(name = "image_url")
	private String imageUrl;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private ProductCategory category;

	private BigDecimal price;

	@Column(name = "in_stock")
	private boolean inStock;

	@Column(name = "add_on_eligible")
	private boolean addOnEligible;

	private boolean retired;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Product() {
	}

	Product(NewProduct product, Instant createdAt) {
		this.sku = product.sku();
		this.name = product.name();
		this.description = product.description();
		this.imageUrl = product.imageUrl();
		this.category = product.category();
		this.price = product.price();
		this.inStock = product.inStock();
		this.addOnEligible = product.addOnEligible();
		this.createdAt = createdAt;
	}

	Long getId() {
		return id;
	}

	String getSku() {
		return sku;
	}

	void revise(NewProduct product) {
		this.sku = product.sku();
		this.name = product.name();
		this.description = product.description();
		this.imageUrl = product.imageUrl();
		this.category = product.category();
		this.price = product.price();
		this.inStock = product.inStock();
		this.addOnEligible = product.addOnEligible();
	}

	/** Shows the given picture from now on; false when the product showed it already. */
	boolean showPicture(String url) {
		if (url.equals(imageUrl)) {
			return false;
		}
		this.imageUrl = url;
		return true;
	}

	String getDescription() {
		return description;
	}

	ProductSummary toSummary() {
		return new ProductSummary(id, sku, name, imageUrl, category, price, inStock, addOnEligible, retired);
	}

}
