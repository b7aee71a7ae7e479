package io.nextbox.reminder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderTokensTests {

	private final ReminderTokens tokens = new ReminderTokens(new SigningKey(null, Clock.systemUTC(), "key one"));

	private final ActionToken add = ActionToken.add(7, 9, LocalDate.of(2026, 12, 18), 11, 33, new BigDecimal("5.50"),
			"9c20e8e2-5874-4395-a696-7f78b2dda8aa", Instant.parse("2026-12-16T00:00:00Z"));

	@Test
	void aSignedTokenReadsBackAsItWasSigned() {
		assertThat(tokens.read(tokens.sign(add))).contains(add);
		ActionToken unsubscribe = ActionToken.unsubscribe(7);
		assertThat(tokens.read(tokens.sign(unsubscribe))).contains(unsubscribe);
	}

	@Test
	void aChangedPriceOrAnotherKeyReadsAsNothing() {
		String signed = tokens.sign(add);
		String body = new String(Base64.getUrlDecoder().decode(signed.substring(0, signed.indexOf('.'))),
				StandardCharsets.UTF_8);
		String cheaper = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(body.replace("|5.50|", "|0.01|").getBytes(StandardCharsets.UTF_8));
		assertThat(tokens.read(cheaper + signed.substring(signed.indexOf('.')))).isEmpty();

		ReminderTokens otherKey = new ReminderTokens(new SigningKey(null, Clock.systemUTC(), "key two"));
		assertThat(otherKey.read(signed)).isEmpty();
		assertThat(tokens.read("garbage")).isEmpty();
		assertThat(tokens.read(null)).isEmpty();
		assertThat(tokens.read("a.b.c")).isEmpty();
	}

	@Test
	void aTokenExpiresAtItsBoxsCutoff() {
		assertThat(add.expiredAt(Instant.parse("2026-12-15T23:59:59Z"))).isFalse();
		assertThat(add.expiredAt(Instant.parse("2026-12-16T00:00:00Z"))).isTrue();
		assertThat(ActionToken.unsubscribe(7).expiredAt(Instant.MAX)).isFalse();
	}

}
