package io.nextbox.platform.web;

import java.math.BigDecimal;

import io.nextbox.store.StoreSettings;
import io.nextbox.store.StoreSettingsService;
import io.nextbox.support.TestStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class MoneyFormatTests {

	@Test
	void aChangeOfTheStoresCurrencyShowsOnTheNextAmount() {
		StoreSettingsService settings = mock(StoreSettingsService.class);
		StoreSettings dollars = TestStore.settings();
		StoreSettings euros = new StoreSettings(dollars.storeName(), "EUR", dollars.cutoffHours(),
				dollars.rescheduleWindowDays(), dollars.minQuantity(), dollars.maxQuantity(), dollars.holdoutPercent(),
				dollars.portalActions(), dollars.reminders());
		when(settings.current()).thenReturn(dollars, dollars, euros);
		MoneyFormat money = new MoneyFormat(settings);

		assertThat(money.format(new BigDecimal("1234.5"))).isEqualTo("$1,234.50");
		assertThat(money.format(new BigDecimal("26"))).isEqualTo("$26.00");
		assertThat(money.format(new BigDecimal("26"))).isEqualTo("€26.00");
		assertThat(money.format(null)).isEmpty();
	}

}
