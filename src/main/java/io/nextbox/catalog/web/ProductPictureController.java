package io.nextbox.catalog.web;

import java.io.IOException;
import java.time.Duration;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.PictureRefusedException;
import io.nextbox.catalog.ProductNotFoundException;
import io.nextbox.catalog.ProductPicture;
import io.nextbox.catalog.ProductPictures;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A merchant uploads a product's picture on the product's page; everyone's pages then show it from here. */
@Controller
class ProductPictureController {

	private final ProductPictures pictures;

	private final CatalogService catalog;

	ProductPictureController(ProductPictures pictures, CatalogService catalog) {
		this.pictures = pictures;
		this.catalog = catalog;
	}

	@PostMapping("/admin/products/{id}/picture")
	String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile picture, Model model,
			RedirectAttributes flash, HttpServletResponse response) throws IOException {
		try {
			pictures.upload(id, picture == null ? new byte[0] : picture.getBytes());
			flash.addFlashAttribute("pictureSaved", true);
			return "redirect:/admin/products/" + id;
		}
		catch (PictureRefusedException refused) {
			model.addAttribute("productId", id);
			model.addAttribute("productForm",
					ProductForm.of(catalog.productDraft(id).orElseThrow(() -> new ProductNotFoundException(id))));
			model.addAttribute("pictureError", refused.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return ProductAdminController.FORM;
		}
	}

	/** The address holds the picture's digest, so a browser may keep it for a year: a new picture, a new address. */
	@GetMapping("/products/{id}/picture")
	ResponseEntity<byte[]> picture(@PathVariable long id) {
		ProductPicture picture = pictures.picture(id).orElseThrow(() -> new ProductNotFoundException(id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(picture.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.eTag(picture.digest())
			.body(picture.bytes());
	}

}
