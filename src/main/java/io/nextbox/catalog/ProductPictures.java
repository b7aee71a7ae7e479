package io.nextbox.catalog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import io.nextbox.audit.AuditArea;
import io.nextbox.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pictures merchants upload for their products. They live in the database (not on a disk), so every instance of the
 * app serves them. The product then shows {@code /products/{id}/picture?v=<digest>}: a new picture is a new address,
 * so browsers may keep a picture for a year.
 */
@Service
public class ProductPictures {

	/** Large enough for a sharp 1200 px photo, small enough to keep in a table row. */
	public static final int MAX_BYTES = 2 * 1024 * 1024;

	private final ProductRepository products;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditLog audit;

	ProductPictures(ProductRepository products, JdbcClient jdbc, Clock clock, AuditLog audit) {
		this.products = products;
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Keeps the picture and shows it on the product. The same picture sent twice (a double click, a second tab) is
	 * kept and recorded once.
	 * @throws PictureRefusedException when it is empty, above {@link #MAX_BYTES}, or no PNG, JPEG or WebP
	 */
	@Transactional
	public void upload(long productId, byte[] bytes) {
		Product product = products.findById(productId).orElseThrow(() -> new ProductNotFoundException(productId));
		if (bytes.length == 0) {
			throw new PictureRefusedException("products.picture.empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new PictureRefusedException("products.picture.tooLarge");
		}
		PictureType type = PictureType.of(bytes)
			.orElseThrow(() -> new PictureRefusedException("products.picture.type"));
		String digest = sha256(bytes);
		store(productId, type, digest, bytes);
		NewProduct before = CatalogService.draftOf(product);
		if (product.showPicture("/products/" + productId + "/picture?v=" + digest.substring(0, 16))) {
			audit.updated(AuditArea.PRODUCTS, productId,
					CatalogService.label(before.name(), before.sku()), before, CatalogService.draftOf(product));
		}
	}

	@Transactional(readOnly = true)
	public Optional<ProductPicture> picture(long productId) {
		return jdbc.sql("select content_type, digest, bytes from product_picture where product_id = ?")
			.param(productId)
			.query((row, n) -> new ProductPicture(row.getString(1), row.getString(2), row.getBytes(3)))
			.optional();
	}

	private void store(long productId, PictureType type, String digest, byte[] bytes) {
		Timestamp now = Timestamp.from(clock.instant());
		String update = "update product_picture set content_type = ?, digest = ?, bytes = ?, uploaded_at = ? "
				+ "where product_id = ?";
		// two tabs uploading at once take turns on the product's row, so the second finds the first one's picture
		jdbc.sql("select id from product where id = ? for update").param(productId).query(Long.class).single();
		if (jdbc.sql(update).params(type.contentType(), digest, bytes, now, productId).update() == 0) {
			jdbc.sql("insert into product_picture (product_id, content_type, digest, bytes, uploaded_at) "
					+ "values (?, ?, ?, ?, ?)").params(productId, type.contentType(), digest, bytes, now).update();
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException absent) {
			throw new IllegalStateException("Every Java runtime has SHA-256", absent);
		}
	}

}
