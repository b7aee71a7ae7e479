package io.nextbox.admin.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.nextbox.account.InvitationBatches;
import io.nextbox.account.InvitationBatches.Start;
import io.nextbox.account.Invitations;
import io.nextbox.account.Invitations.InviteResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Inviting subscribers: one from their admin page, or everyone not yet invited in a background batch with its
 * progress page. Each form names the state it answers (the last invitation, the latest batch), so a double click,
 * a retry or a second tab is answered with what the first did instead of sending again.
 */
@Controller
class InvitationController {

	static final String PROGRESS = "admin/invitations";

	private final Invitations invitations;

	private final InvitationBatches batches;

	InvitationController(Invitations invitations, InvitationBatches batches) {
		this.invitations = invitations;
		this.batches = batches;
	}

	@PostMapping("/admin/subscribers/{id}/invite")
	String invite(@PathVariable long id, @RequestParam(defaultValue = "-1") long answering, RedirectAttributes flash) {
		InviteResult result = invitations.invite(id, answering)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		flash.addFlashAttribute(switch (result.outcome()) {
			case SENT, ALREADY_ANSWERED -> "invitationNotice";
			case NOT_INVITABLE, MAIL_FAILED -> "invitationProblem";
		}, "invitations." + result.outcome().name().toLowerCase(java.util.Locale.ROOT));
		return "redirect:/admin/subscribers/" + id;
	}

	@PostMapping("/admin/invitations")
	String inviteEveryone(@RequestParam(defaultValue = "-1") long answering, RedirectAttributes flash) {
		Start start = batches.start(answering < 0 ? Long.MAX_VALUE : answering);
		if (start.nobodyToInvite()) {
			flash.addFlashAttribute("invitationNotice", "invitations.nobody");
			return "redirect:/admin/subscribers";
		}
		return "redirect:/admin/invitations/" + start.batchId();
	}

	@GetMapping("/admin/invitations/{batch}")
	String progress(@PathVariable long batch, HtmxRequest htmx, Model model) {
		model.addAttribute("batch",
				batches.progress(batch).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return htmx.isHtmxRequest() ? PROGRESS + " :: progress" : PROGRESS;
	}

}
