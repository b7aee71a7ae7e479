package io.nextbox.ordering.web;

import io.nextbox.account.NextboxUser;
import io.nextbox.ordering.OrderHistory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The subscriber's past orders, newest first, a page at a time. */
@Controller
class OrderHistoryController {

	static final String VIEW = "ordering/history";

	static final int PAGE_SIZE = 10;

	private final OrderHistory history;

	OrderHistoryController(OrderHistory history) {
		this.history = history;
	}

	@GetMapping("/portal/orders")
	String orders(@AuthenticationPrincipal NextboxUser user, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("orders", history.ordersOf(user.subscriberId(), page, PAGE_SIZE));
		return VIEW;
	}

}
