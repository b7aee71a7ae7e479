package io.nextbox.ordering.web;

import io.nextbox.account.NextboxUser;
import io.nextbox.ordering.OrderHistory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The subscriber's past orders, newest first, a page at a time. */
@Controller
class OrderHistoryController {

	static final String VIEW = "ordering/history";

	static final String CONFIRMATION = "ordering/confirmation";

	static final int PAGE_SIZE = 10;

	private final OrderHistory history;

	OrderHistoryController(OrderHistory history) {
		this.history = history;
	}

	/** An order's confirmation, with what else the subscriber may like for the next box (post-purchase). */
	@GetMapping("/portal/orders/{orderNumber}")
	String order(@PathVariable String orderNumber, @AuthenticationPrincipal NextboxUser user, Model model) {
		model.addAttribute("order", history.orderOf(user.subscriberId(), orderNumber)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return CONFIRMATION;
	}

	/** Ten orders at a time, newest first; {@code before} is the last order of the page before (keyset). */
	@GetMapping("/portal/orders")
	String orders(@AuthenticationPrincipal NextboxUser user, @RequestParam(required = false) Long before,
			Model model) {
		model.addAttribute("orders", history.ordersBefore(user.subscriberId(), before, PAGE_SIZE));
		return VIEW;
	}

}
