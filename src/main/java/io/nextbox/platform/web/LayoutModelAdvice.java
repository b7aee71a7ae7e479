package io.nextbox.platform.web;

import io.nextbox.account.NextboxUser;
import io.nextbox.store.StoreSettingsService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout shows: the store's name and who is logged in. */
@ControllerAdvice
class LayoutModelAdvice {

	private final StoreSettingsService settings;

	LayoutModelAdvice(StoreSettingsService settings) {
		this.settings = settings;
	}

	@ModelAttribute("storeName")
	String storeName() {
		return settings.current().storeName();
	}

	@ModelAttribute("currentUser")
	NextboxUser currentUser(@AuthenticationPrincipal NextboxUser user) {
		return user;
	}

}
