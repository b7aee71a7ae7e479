package io.nextbox.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Flash messages kept in the session as Spring keeps them, except that a new message for a page replaces any older
 * one still waiting for that page. A message waits for the next request to the page its redirect names; a double
 * click whose first answer the browser dropped, or tabs racing in one session, left messages nobody read, and the next
 * action on that page showed the oldest of them instead of its own. Now the page shows the newest.
 */
@Configuration(proxyBeanMethods = false)
public class NewestFlashMessage {

	@Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
	FlashMapManager flashMapManager() {
		return new NewestPerPage();
	}

	static class NewestPerPage extends SessionFlashMapManager {

		@Override
		protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request,
				HttpServletResponse response) {
			super.updateFlashMaps(newestPerPage(flashMaps), request, response);
		}

		/** The maps in the order they were saved, the last one for each page and its parameters kept. */
		static List<FlashMap> newestPerPage(List<FlashMap> flashMaps) {
			Map<List<Object>, FlashMap> newest = new LinkedHashMap<>();
			for (FlashMap flashMap : flashMaps) {
				List<Object> page = List.of(String.valueOf(flashMap.getTargetRequestPath()),
						flashMap.getTargetRequestParams());
				newest.remove(page);
				newest.put(page, flashMap);
			}
			return newest.size() == flashMaps.size() ? flashMaps : new ArrayList<>(newest.values());
		}

	}

}
