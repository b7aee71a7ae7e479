package io.nextbox.catalog.web;

import java.math.BigDecimal;
import java.util.Locale;

import io.nextbox.catalog.NewProduct;
import io.nextbox.catalog.ProductCategory;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The product form; the messages of its constraints are keys in messages.properties. */
public class ProductForm {

	@NotBlank(message = "{product.sku.required}")
	@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,63}", message = "{product.sku.pattern}")
	private String sku;

	@NotBlank(message = "{product.name.required}")
	@Size(max = 120, message = "{product.name.size}")
	private String name;

	@Size(max = 1000, message = "{product.description.size}")
	private String description = "";

	@Size(max = 500, message = "{product.image.invalid}")
	@Pattern(regexp = "^$|^/[^/].*|^https://.+", message = "{product.image.invalid}")
	private String imageUrl = "";

	@NotNull(message = "{product.category.required}")
	private ProductCategory category;

	@NotNull(message = "{product.price.required}")
	@DecimalMin(value = "0.00", message = "{product.price.range}")
	@Digits(integer = 8, fraction = 2, message = "{product.price.range}")
	private BigDecimal price;

	private boolean inStock = true;

	private boolean addOnEligible = true;

	static ProductForm of(NewProduct product) {
		ProductForm form = new ProductForm();
		form.sku = product.sku();
		form.name = product.name();
		form.description = product.description();
		form.imageUrl = product.imageUrl() == null ? "" : product.imageUrl();
		form.category = product.category();
		form.price = product.price();
		form.inStock = product.inStock();
		form.addOnEligible = product.addOnEligible();
		return form;
	}

	NewProduct toProduct() {
		return new NewProduct(sku.trim(), name.trim(), description == null ? "" : description.trim(),
				imageUrl == null || imageUrl.isBlank() ? null : imageUrl.trim(), category, price, inStock,
				addOnEligible);
	}

	public String getSku() {
		return sku;
	}

	public void setSku(String sku) {
		this.sku = sku == null ? null : sku.trim().toUpperCase(Locale.ROOT);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getImageUrl() {
		return imageUrl;
	}

	public void setImageUrl(String imageUrl) {
		this.imageUrl = imageUrl == null ? "" : imageUrl.trim();
	}

	public ProductCategory getCategory() {
		return category;
	}

	public void setCategory(ProductCategory category) {
		this.category = category;
	}

	public BigDecimal getPrice() {
		return price;
	}

	public void setPrice(BigDecimal price) {
		this.price = price;
	}

	public boolean isInStock() {
		return inStock;
	}

	public void setInStock(boolean inStock) {
		this.inStock = inStock;
	}

	public boolean isAddOnEligible() {
		return addOnEligible;
	}

	public void setAddOnEligible(boolean addOnEligible) {
		this.addOnEligible = addOnEligible;
	}

}
