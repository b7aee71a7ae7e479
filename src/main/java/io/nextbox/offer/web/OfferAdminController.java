package io.nextbox.offer.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.nextbox.catalog.CatalogService;
import io.nextbox.catalog.PlanSummary;
import io.nextbox.catalog.ProductSummary;
import io.nextbox.offer.InvalidOfferException;
import io.nextbox.offer.OfferNotFoundException;
import io.nextbox.offer.OfferProblem;
import io.nextbox.offer.OfferService;
import io.nextbox.offer.OfferStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The merchant's offers: list, create, edit, activate, pause, end, duplicate. */
@Controller
class OfferAdminController {

	static final String LIST = "offer/list";

	static final String FORM = "offer/form";

	static final String CONFIRM_END = "offer/end";

	private static final String FROM_EDIT = "edit";

	private final OfferService offers;

	private final CatalogService catalog;

	OfferAdminController(OfferService offers, CatalogService catalog) {
		this.offers = offers;
		this.catalog = catalog;
	}

	@GetMapping("/admin/offers")
	String list(Model model) {
		model.addAttribute("offers", offers.list());
		model.addAttribute("products", catalog.allProducts());
		model.addAttribute("plans", catalog.allPlans());
		return LIST;
	}

	@GetMapping("/admin/offers/new")
	String initCreationForm(Model model) {
		model.addAttribute("offerForm", new OfferForm());
		return form(model, null);
	}

	@PostMapping("/admin/offers/new")
	String processCreationForm(@ModelAttribute("offerForm") OfferForm form, BindingResult binding, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		if (binding.hasErrors()) {
			return invalid(model, null, response);
		}
		try {
			long id = offers.create(form.toDraft());
			flash.addFlashAttribute("saved", form.getName());
			flash.addFlashAttribute("savedAsDraft", true);
			return "redirect:/admin/offers/" + id;
		}
		catch (InvalidOfferException invalid) {
			reject(binding, invalid.problems());
			return invalid(model, null, response);
		}
	}

	@GetMapping("/admin/offers/{id}")
	String initUpdateForm(@PathVariable long id, Model model) {
		model.addAttribute("offerForm", OfferForm.of(offers.draftOf(id).orElseThrow(() -> new OfferNotFoundException(id))));
		return form(model, id);
	}

	@PostMapping("/admin/offers/{id}")
	String processUpdateForm(@PathVariable long id, @ModelAttribute("offerForm") OfferForm form, BindingResult binding,
			Model model, RedirectAttributes flash, HttpServletResponse response) {
		if (binding.hasErrors()) {
			return invalid(model, id, response);
		}
		try {
			offers.update(id, form.toDraft());
			flash.addFlashAttribute("saved", form.getName());
			return "redirect:/admin/offers/" + id;
		}
		catch (InvalidOfferException invalid) {
			reject(binding, invalid.problems());
			return invalid(model, id, response);
		}
	}

	/**
	 * Activate, pause or end; back to the list, or to the offer's page when asked from there ({@code from=edit}).
	 * Ending an ended offer again (a second click, a second tab) answers as the first did.
	 */
	@PostMapping("/admin/offers/{id}/status")
	String changeStatus(@PathVariable long id, @RequestParam OfferStatus status,
			@RequestParam(defaultValue = "") String from, RedirectAttributes flash) {
		try {
			offers.changeStatus(id, status);
			flash.addFlashAttribute("statusChanged", status);
		}
		catch (InvalidOfferException invalid) {
			flash.addFlashAttribute("statusRefused", invalid.problems().get(0).code());
		}
		return FROM_EDIT.equals(from) ? "redirect:/admin/offers/" + id : "redirect:/admin/offers";
	}

	/** Ending cannot be undone, so End asks first on a page of its own (which works without JavaScript). */
	@GetMapping("/admin/offers/{id}/end")
	String confirmEnd(@PathVariable long id, @RequestParam(defaultValue = "") String from, Model model) {
		OfferStatus status = offers.statusOf(id).orElseThrow(() -> new OfferNotFoundException(id));
		model.addAttribute("offerId", id);
		model.addAttribute("offerName", offers.draftOf(id).orElseThrow(() -> new OfferNotFoundException(id)).name());
		model.addAttribute("status", status);
		model.addAttribute("from", FROM_EDIT.equals(from) ? FROM_EDIT : "");
		return CONFIRM_END;
	}

	/** A copy that no longer holds (its product retired since, say) is the new-offer form with the reasons. */
	@PostMapping("/admin/offers/{id}/duplicate")
	String duplicate(@PathVariable long id, Model model, HttpServletResponse response) {
		try {
			return "redirect:/admin/offers/" + offers.duplicate(id);
		}
		catch (InvalidOfferException invalid) {
			OfferForm form = OfferForm.of(offers.copyOf(id));
			BindingResult binding = new BeanPropertyBindingResult(form, "offerForm");
			reject(binding, invalid.problems());
			model.addAttribute("offerForm", form);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "offerForm", binding);
			return invalid(model, null, response);
		}
	}

	private String invalid(Model model, Long id, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(model, id);
	}

	private String form(Model model, Long id) {
		model.addAttribute("offerId", id);
		if (id != null) {
			model.addAttribute("status", offers.statusOf(id).orElseThrow(() -> new OfferNotFoundException(id)));
		}
		model.addAttribute("products", catalog.allProducts()
			.values()
			.stream()
			.filter(product -> !product.retired() && product.addOnEligible())
			.sorted(Comparator.comparing(ProductSummary::name))
			.toList());
		List<PlanSummary> plans = catalog.allPlans()
			.values()
			.stream()
			.filter(plan -> !plan.retired())
			.sorted(Comparator.comparing(PlanSummary::familyName).thenComparing(PlanSummary::tier))
			.toList();
		model.addAttribute("plans", plans);
		Map<Long, String> families = new TreeMap<>();
		plans.forEach(plan -> families.put(plan.familyId(), plan.familyName()));
		model.addAttribute("families", families);
		return FORM;
	}

	private static void reject(BindingResult binding, List<OfferProblem> problems) {
		for (OfferProblem problem : problems) {
			binding.rejectValue(problem.field(), problem.code(), problem.arguments().toArray(), null);
		}
	}

}
