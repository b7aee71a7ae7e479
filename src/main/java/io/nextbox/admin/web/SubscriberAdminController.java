package io.nextbox.admin.web;

import io.nextbox.account.AccountService;
import io.nextbox.account.InvitationBatches;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The merchant's subscribers: search by name or email, then a subscriber's page with their subscriptions (and the
 * staff actions on them, {@link StaffActionController}), orders and offer history.
 */
@Controller
class SubscriberAdminController {

	static final String LIST = "admin/subscribers";

	private final AccountService accounts;

	private final SubscriberPage page;

	private final InvitationBatches batches;

	SubscriberAdminController(AccountService accounts, SubscriberPage page, InvitationBatches batches) {
		this.accounts = accounts;
		this.page = page;
		this.batches = batches;
	}

	@GetMapping("/admin/subscribers")
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("subscribers", accounts.searchSubscribers(q, page, 25));
		model.addAttribute("notYetInvited", batches.notYetInvited());
		model.addAttribute("latestBatch", batches.latestBatchId());
		model.addAttribute("runningBatch", batches.runningBatch().orElse(null));
		return LIST;
	}

	@GetMapping("/admin/subscribers/{id}")
	String subscriber(@PathVariable long id, Model model) {
		page.prepare(model, id);
		return SubscriberPage.VIEW;
	}

}
