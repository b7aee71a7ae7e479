package io.nextbox.catalog.web;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.DuplicateSkuException;
import io.nextbox.catalog.ProductNotFoundException;
import io.nextbox.catalog.ProductSummary;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The merchant's products: search and page through them, create, edit, retire. */
@Controller
class ProductAdminController {

	static final String LIST = "catalog/products";

	static final String FORM = "catalog/product-form";

	static final String CONFIRM_RETIRE = "catalog/retire";

	static final int PAGE_SIZE = 20;

	private final CatalogService catalog;

	ProductAdminController(CatalogService catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/admin/products")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("products", catalog.searchProducts(q, page, PAGE_SIZE));
		return LIST;
	}

	@GetMapping("/admin/products/new")
	String initCreationForm(Model model) {
		model.addAttribute("productForm", new ProductForm());
		return FORM;
	}

	@PostMapping("/admin/products/new")
	String processCreationForm(@Valid @ModelAttribute("productForm") ProductForm form, BindingResult binding,
			Model model, RedirectAttributes flash, HttpServletResponse response) {
		if (binding.hasErrors()) {
			return invalid(response);
		}
		try {
			long id = catalog.createProduct(form.toProduct());
			flash.addFlashAttribute("saved", form.getName());
			return "redirect:/admin/products/" + id;
		}
		catch (DuplicateSkuException taken) {
			binding.rejectValue("sku", "product.sku.taken");
			return invalid(response);
		}
	}

	@GetMapping("/admin/products/{id}")
	String initUpdateForm(@PathVariable long id, Model model) {
		model.addAttribute("productId", id);
		model.addAttribute("productForm",
				ProductForm.of(catalog.productDraft(id).orElseThrow(() -> new ProductNotFoundException(id))));
		return FORM;
	}

	@PostMapping("/admin/products/{id}")
	String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("productForm") ProductForm form,
			BindingResult binding, Model model, RedirectAttributes flash, HttpServletResponse response) {
		model.addAttribute("productId", id);
		if (binding.hasErrors()) {
			return invalid(response);
		}
		try {
			catalog.updateProduct(id, form.toProduct());
			flash.addFlashAttribute("saved", form.getName());
			return "redirect:/admin/products/" + id;
		}
		catch (DuplicateSkuException taken) {
			binding.rejectValue("sku", "product.sku.taken");
			return invalid(response);
		}
	}

	/** Retiring cannot be undone, so Retire asks first on a page of its own (which works without JavaScript). */
	@GetMapping("/admin/products/{id}/retire")
	String confirmRetire(@PathVariable long id, Model model) {
		ProductSummary product = catalog.product(id).orElseThrow(() -> new ProductNotFoundException(id));
		model.addAttribute("kind", "product");
		model.addAttribute("name", product.name());
		model.addAttribute("sku", product.sku());
		model.addAttribute("retired", product.retired());
		model.addAttribute("action", "/admin/products/" + id + "/retire");
		model.addAttribute("back", "/admin/products");
		return CONFIRM_RETIRE;
	}

	/** Retiring a retired product again answers as the first time did. */
	@PostMapping("/admin/products/{id}/retire")
	String retire(@PathVariable long id, RedirectAttributes flash) {
		catalog.retireProduct(id);
		flash.addFlashAttribute("retired", true);
		return "redirect:/admin/products";
	}

	private static String invalid(HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return FORM;
	}

}
