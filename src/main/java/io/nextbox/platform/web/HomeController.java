package io.nextbox.platform.web;

import io.nextbox.account.NextboxUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends each role to its home: subscribers to the portal, merchants to the admin pages. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(@AuthenticationPrincipal NextboxUser user) {
		return user.isMerchant() ? "redirect:/admin" : "redirect:/portal";
	}

}
