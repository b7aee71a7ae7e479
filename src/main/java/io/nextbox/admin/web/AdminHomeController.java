package io.nextbox.admin.web;

import io.nextbox.account.AccountService;
import io.nextbox.catalog.CatalogService;
import io.nextbox.offer.OfferService;
import io.nextbox.ordering.OrderHistory;
import io.nextbox.subscription.SubscriptionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AdminHomeController {

	static final String VIEW = "admin/home";

	private final CatalogService catalog;

	private final SubscriptionService subscriptions;

	private final OrderHistory orders;

	private final AccountService accounts;

	private final OfferService offers;

	AdminHomeController(CatalogService catalog, SubscriptionService subscriptions, OrderHistory orders,
			AccountService accounts, OfferService offers) {
		this.catalog = catalog;
		this.subscriptions = subscriptions;
		this.orders = orders;
		this.accounts = accounts;
		this.offers = offers;
	}

	@GetMapping("/admin")
	String home(Model model) {
		model.addAttribute("productCount", catalog.countProducts());
		model.addAttribute("planCount", catalog.countPlans());
		model.addAttribute("activeSubscriptionCount", subscriptions.countActive());
		model.addAttribute("orderCount", orders.countOrders());
		model.addAttribute("subscriberCount", accounts.countSubscribers());
		model.addAttribute("activeOfferCount", offers.countActive());
		return VIEW;
	}

}
