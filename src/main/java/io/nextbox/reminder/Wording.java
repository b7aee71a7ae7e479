package io.nextbox.reminder;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

import io.nextbox.store.StoreSettingsService;
import org.springframework.stereotype.Component;

/** Days and amounts as the reminder email and its pages write them: "Fri 18 Dec", "Wed 16 Dec, 00:00", "$5.50". */
@Component
public class Wording {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm",
			Locale.ENGLISH);

	private final StoreSettingsService settings;

	Wording(StoreSettingsService settings) {
		this.settings = settings;
	}

	public String day(LocalDate date) {
		return date == null ? "" : DAY.format(date);
	}

	public String dayAndTime(LocalDateTime time) {
		return DAY_AND_TIME.format(time);
	}

	public String money(BigDecimal amount) {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		format.setCurrency(Currency.getInstance(settings.current().currency()));
		return format.format(amount);
	}

}
