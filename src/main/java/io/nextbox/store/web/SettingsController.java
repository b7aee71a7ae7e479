package io.nextbox.store.web;

import java.util.Currency;

import io.nextbox.store.StoreSettingsService;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The merchant's portal settings: which self-service actions are on, cutoff, limits, holdout, name, currency. */
@Controller
class SettingsController {

	static final String VIEW = "store/settings";

	private final StoreSettingsService settings;

	SettingsController(StoreSettingsService settings) {
		this.settings = settings;
	}

	@GetMapping("/admin/settings")
	String settingsForm(Model model) {
		model.addAttribute("settingsForm", SettingsForm.of(settings.current()));
		return VIEW;
	}

	@PostMapping("/admin/settings")
	String saveSettings(@Valid @ModelAttribute("settingsForm") SettingsForm form, BindingResult binding,
			RedirectAttributes flash, HttpServletResponse response) {
		if (!binding.hasFieldErrors("minQuantity") && !binding.hasFieldErrors("maxQuantity")
				&& form.getMinQuantity() > form.getMaxQuantity()) {
			binding.rejectValue("maxQuantity", "settings.quantity.order");
		}
		if (!binding.hasFieldErrors("currency") && !isCurrency(form.getCurrency())) {
			binding.rejectValue("currency", "settings.currency.invalid");
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return VIEW;
		}
		settings.update(form.toSettings());
		flash.addFlashAttribute("saved", true);
		return "redirect:/admin/settings";
	}

	private static boolean isCurrency(String code) {
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
