package io.nextbox.platform.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import io.nextbox.store.StoreSettingsService;
import org.springframework.stereotype.Component;

/** Formats amounts in the store's currency; templates call it as {@code ${@money.format(amount)}}. */
@Component("money")
public class MoneyFormat {

	private final StoreSettingsService settings;

	MoneyFormat(StoreSettingsService settings) {
		this.settings = settings;
	}

	public String format(BigDecimal amount) {
		if (amount == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		format.setCurrency(Currency.getInstance(settings.current().currency()));
		return format.format(amount);
	}

}
