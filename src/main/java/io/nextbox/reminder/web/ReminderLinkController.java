package io.nextbox.reminder.web;

import java.util.Locale;

import io.nextbox.reminder.ReminderActions;
import io.nextbox.reminder.ReminderLinkRefused;
import io.nextbox.store.StoreSettingsService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The links of a reminder email, without a login. A GET shows the exact change and one button (mail scanners open
 * links, so it changes nothing); the button's POST makes it, once. The unsubscribe POST is also what a mail client
 * sends for {@code List-Unsubscribe-Post} (RFC 8058), without a CSRF token: it is exempt, as the signed token in
 * its address is what authorises it.
 */
@Controller
class ReminderLinkController {

	static final String CONFIRM = "reminder/confirm";

	static final String DONE = "reminder/done";

	static final String REFUSED = "reminder/refused";

	private final ReminderActions actions;

	private final MessageSource messages;

	private final StoreSettingsService settings;

	ReminderLinkController(ReminderActions actions, MessageSource messages, StoreSettingsService settings) {
		this.actions = actions;
		this.messages = messages;
		this.settings = settings;
	}

	@GetMapping("/email/add")
	String confirmAdd(@RequestParam(name = "t", required = false) String token, Model model) {
		model.addAttribute("change", actions.describeAdd(token));
		return CONFIRM;
	}

	@PostMapping("/email/add")
	String add(@RequestParam(name = "t", required = false) String token, Model model) {
		model.addAttribute("change", actions.add(token));
		return DONE;
	}

	@GetMapping("/email/skip")
	String confirmSkip(@RequestParam(name = "t", required = false) String token, Model model) {
		model.addAttribute("change", actions.describeSkip(token));
		return CONFIRM;
	}

	@PostMapping("/email/skip")
	String skip(@RequestParam(name = "t", required = false) String token, Model model) {
		model.addAttribute("change", actions.skip(token));
		return DONE;
	}

	@GetMapping("/email/unsubscribe")
	String confirmUnsubscribe(@RequestParam(name = "t", required = false) String token, Model model) {
		model.addAttribute("change", actions.describeUnsubscribe(token));
		return CONFIRM;
	}

	@PostMapping("/email/unsubscribe")
	String unsubscribe(@RequestParam(name = "t", required = false) String token, Model model) {
		model.addAttribute("change", actions.unsubscribe(token));
		return DONE;
	}

	@ExceptionHandler(ReminderLinkRefused.class)
	String refused(ReminderLinkRefused refused, Model model, HttpServletResponse response) {
		response.setStatus(refused.status().value());
		// an exception handler's model misses the layout's attributes
		model.addAttribute("storeName", settings.current().storeName());
		model.addAttribute("message", messages.getMessage(refused.code(), refused.arguments(), Locale.ENGLISH));
		return REFUSED;
	}

}
