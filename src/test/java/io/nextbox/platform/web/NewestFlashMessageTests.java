package io.nextbox.platform.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.FlashMap;

import static org.assertj.core.api.Assertions.assertThat;

class NewestFlashMessageTests {

	@Test
	void aNewMessageForAPageReplacesTheOlderOneAndLeavesOtherPagesAlone() {
		FlashMap added = message("/portal", "Honey is in your next box.");
		FlashMap account = message("/portal/account", "Your name is saved.");
		FlashMap undone = message("/portal", "Honey is out of your next box again.");
		FlashMap filtered = message("/portal", "Only the box.");
		filtered.addTargetRequestParam("view", "box");

		List<FlashMap> kept = NewestFlashMessage.NewestPerPage.newestPerPage(List.of(added, account, undone, filtered));

		assertThat(kept).containsExactly(account, undone, filtered);
	}

	private static FlashMap message(String page, String text) {
		FlashMap flashMap = new FlashMap();
		flashMap.setTargetRequestPath(page);
		flashMap.put("message", text);
		return flashMap;
	}

}
