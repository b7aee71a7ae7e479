package io.nextbox.catalog.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.DuplicateSkuException;
import io.nextbox.catalog.IntervalUnit;
import io.nextbox.catalog.NewPlan;
import io.nextbox.catalog.PlanNotFoundException;
import io.nextbox.catalog.PlanSummary;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The merchant's plans: by family and tier; create, edit, retire; a new family on the way. */
@Controller
class PlanAdminController {

	static final String LIST = "catalog/plans";

	static final String FORM = "catalog/plan-form";

	static final String CONFIRM_RETIRE = "catalog/retire";

	private final CatalogService catalog;

	PlanAdminController(CatalogService catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/admin/plans")
	String list(Model model) {
		model.addAttribute("plans", catalog.allPlans()
			.values()
			.stream()
			.sorted(Comparator.comparing(PlanSummary::familyName).thenComparing(PlanSummary::tier))
			.toList());
		return LIST;
	}

	@GetMapping("/admin/plans/new")
	String initCreationForm(Model model) {
		model.addAttribute("planForm", new PlanForm());
		return form(model, null);
	}

	@PostMapping("/admin/plans/new")
	String processCreationForm(@Valid @ModelAttribute("planForm") PlanForm form, BindingResult binding, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		return save(null, form, binding, model, flash, response);
	}

	@GetMapping("/admin/plans/{id}")
	String initUpdateForm(@PathVariable long id, Model model) {
		model.addAttribute("planForm", PlanForm.of(catalog.planDraft(id).orElseThrow(() -> new PlanNotFoundException(id))));
		return form(model, id);
	}

	@PostMapping("/admin/plans/{id}")
	String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("planForm") PlanForm form,
			BindingResult binding, Model model, RedirectAttributes flash, HttpServletResponse response) {
		catalog.planDraft(id).orElseThrow(() -> new PlanNotFoundException(id));
		return save(id, form, binding, model, flash, response);
	}

	/** Retiring cannot be undone, so Retire asks first on a page of its own (which works without JavaScript). */
	@GetMapping("/admin/plans/{id}/retire")
	String confirmRetire(@PathVariable long id, Model model) {
		PlanSummary plan = catalog.plan(id).orElseThrow(() -> new PlanNotFoundException(id));
		model.addAttribute("kind", "plan");
		model.addAttribute("name", plan.name());
		model.addAttribute("sku", plan.sku());
		model.addAttribute("retired", plan.retired());
		model.addAttribute("action", "/admin/plans/" + id + "/retire");
		model.addAttribute("back", "/admin/plans");
		return CONFIRM_RETIRE;
	}

	/** Retiring a retired plan again answers as the first time did. */
	@PostMapping("/admin/plans/{id}/retire")
	String retire(@PathVariable long id, RedirectAttributes flash) {
		catalog.retirePlan(id);
		flash.addFlashAttribute("retired", true);
		return "redirect:/admin/plans";
	}

	private String save(Long id, PlanForm form, BindingResult binding, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		Map<Long, String> families = catalog.families();
		boolean newFamily = !form.getNewFamily().isEmpty();
		if (!newFamily && (form.getFamilyId() == null || !families.containsKey(form.getFamilyId()))) {
			binding.rejectValue("familyId", "plan.family.required");
		}
		if (newFamily && families.containsValue(form.getNewFamily())) {
			binding.rejectValue("newFamily", "plan.family.taken");
		}
		Map<Long, ProductSummary> products = catalog.allProducts();
		if (!form.getProductIds().stream().allMatch(products::containsKey)) {
			binding.rejectValue("productIds", "plan.products.required");
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, id);
		}
		Map<Long, Integer> quantities = id == null ? Map.of() : catalog.planDraft(id).map(NewPlan::items).orElse(Map.of());
		try {
			long saved = catalog.savePlan(id, newFamily ? form.getNewFamily() : null,
					form.toPlan(newFamily ? 0 : form.getFamilyId(), quantities));
			flash.addFlashAttribute("saved", form.getName());
			return "redirect:/admin/plans/" + saved;
		}
		catch (DuplicateSkuException taken) {
			binding.rejectValue("sku", "plan.sku.taken");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, id);
		}
	}

	private String form(Model model, Long id) {
		model.addAttribute("planId", id);
		model.addAttribute("families", catalog.families());
		List<ProductSummary> products = catalog.allProducts()
			.values()
			.stream()
			.filter(product -> !product.retired())
			.sorted(Comparator.comparing(ProductSummary::name))
			.toList();
		model.addAttribute("products", products);
		model.addAttribute("units", List.of(IntervalUnit.WEEK, IntervalUnit.MONTH));
		return FORM;
	}

}
