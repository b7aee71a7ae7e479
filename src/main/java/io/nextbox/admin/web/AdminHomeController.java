package io.nextbox.admin.web;

import java.time.Clock;
import java.time.LocalDate;

import io.nextbox.account.AccountService;
import io.nextbox.account.SubscriberSummary;
import io.nextbox.catalog.CatalogService;
import io.nextbox.offer.OfferService;
import io.nextbox.ordering.OrderHistory;
import io.nextbox.recommendation.RecommendationService;
import io.nextbox.recommendation.RecommendationService.ModelSummary;
import io.nextbox.subscription.FailedShipment;
import io.nextbox.subscription.ProcessingReport;
import io.nextbox.subscription.ShipmentProcessor;
import io.nextbox.subscription.SubscriptionService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AdminHomeController {

	static final String VIEW = "admin/home";

	/** How many failed boxes the home lists, the most recent failure first. */
	static final int FAILURES_SHOWN = 20;

	private final CatalogService catalog;

	private final SubscriptionService subscriptions;

	private final OrderHistory orders;

	private final AccountService accounts;

	private final OfferService offers;

	private final ShipmentProcessor processor;

	private final RecommendationService recommendations;

	private final Clock clock;

	private final MessageSource messages;

	private final boolean demoMode;

	AdminHomeController(CatalogService catalog, SubscriptionService subscriptions, OrderHistory orders,
			AccountService accounts, OfferService offers, ShipmentProcessor processor,
			RecommendationService recommendations, Clock clock,
			MessageSource messages, @Value("${nextbox.demo.enabled:false}") boolean demoMode) {
		this.processor = processor;
		this.recommendations = recommendations;
		this.clock = clock;
		this.messages = messages;
		this.demoMode = demoMode;
		this.catalog = catalog;
		this.subscriptions = subscriptions;
		this.orders = orders;
		this.accounts = accounts;
		this.offers = offers;
	}

	/**
	 * Runs the shipment processor for today, so a demo can be walked through without waiting for the schedule.
	 * Offered only while demo data is on; the schedule does the same in production.
	 */
	@PostMapping("/admin/shipments/process")
	String processDueShipments(RedirectAttributes flash) {
		if (!demoMode) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		ProcessingReport report = processor.processDue(LocalDate.now(clock));
		flash.addFlashAttribute("message", messages.getMessage("admin.processed",
				new Object[] { report.ordersPlaced(), report.subscriptionsResumed() }, LocaleContextHolder.getLocale()));
		if (report.shipmentsFailed() > 0) {
			flash.addFlashAttribute("error", messages.getMessage("admin.processedFailures",
					new Object[] { report.shipmentsFailed() }, LocaleContextHolder.getLocale()));
		}
		return "redirect:/admin";
	}

	/** A box that could not ship, with the subscriber it belongs to (null if unknown). */
	record FailedBox(FailedShipment box, SubscriberSummary subscriber) {
	}

	/** Rebuilds the recommendation model from the whole history now, instead of at the nightly rebuild. */
	@PostMapping("/admin/recommendations/rebuild")
	String rebuildRecommendations(RedirectAttributes flash) {
		ModelSummary summary = recommendations.rebuild();
		flash.addFlashAttribute("message", messages.getMessage("admin.rebuilt",
				new Object[] { summary.orders(), summary.subscribers(), summary.buildMillis() },
				LocaleContextHolder.getLocale()));
		return "redirect:/admin";
	}

	@GetMapping("/admin")
	String home(Model model) {
		model.addAttribute("demoMode", demoMode);
		model.addAttribute("productCount", catalog.countProducts());
		model.addAttribute("planCount", catalog.countPlans());
		model.addAttribute("activeSubscriptionCount", subscriptions.countActive());
		model.addAttribute("orderCount", orders.countOrders());
		model.addAttribute("subscriberCount", accounts.countSubscribers());
		model.addAttribute("activeOfferCount", offers.countActive());
		model.addAttribute("failedShipments", processor.failures(FAILURES_SHOWN)
			.stream()
			.map(box -> new FailedBox(box, accounts.subscriber(box.subscriberId()).orElse(null)))
			.toList());
		return VIEW;
	}

}
