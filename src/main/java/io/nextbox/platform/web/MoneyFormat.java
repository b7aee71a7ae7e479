package io.nextbox.platform.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import io.nextbox.store.StoreSettingsService;
import org.springframework.stereotype.Component;

/** Formats amounts in the store's currency; templates call it as {@code ${#money.format(amount)}} ({@link MoneyDialect}). */
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
		String currency = settings.current().currency();
		// a currency format is costly to make (a page of orders formats dozens of amounts) and not thread-safe: one a
		// thread, made again only when the store's currency changes
		CurrencyFormat format = FORMATS.get();
		if (format == null || !format.currency().equals(currency)) {
			NumberFormat made = NumberFormat.getCurrencyInstance(Locale.US);
			made.setCurrency(Currency.getInstance(currency));
			format = new CurrencyFormat(currency, made);
			FORMATS.set(format);
		}
		return format.format().format(amount);
	}

	private record CurrencyFormat(String currency, NumberFormat format) {
	}

	private static final ThreadLocal<CurrencyFormat> FORMATS = new ThreadLocal<>();

}
