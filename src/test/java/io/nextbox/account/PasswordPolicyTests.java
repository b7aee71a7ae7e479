package io.nextbox.account;

import io.nextbox.account.PasswordPolicy.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** 12 to 128 characters, not a common password; nothing else is asked of it. */
class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void shipsThousandsOfCommonPasswords() {
		assertThat(policy.size()).isGreaterThan(2_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a", "short pass!", "elevenchars" })
	void refusesFewerThanTwelveCharacters(String password) {
		assertThat(policy.check(password)).contains(Refusal.TOO_SHORT);
	}

	@Test
	void refusesNone() {
		assertThat(policy.check(null)).contains(Refusal.TOO_SHORT);
	}

	@Test
	void countsCharactersNotBytesOrUtf16Units() {
		// 11 emoji are 22 UTF-16 units but 11 characters
		assertThat(policy.check("\uD83D\uDE00".repeat(11))).contains(Refusal.TOO_SHORT);
		assertThat(policy.check("\uD83D\uDE00".repeat(12))).isEmpty();
	}

	@Test
	void refusesMoreThan128Characters() {
		assertThat(policy.check("x7Kq".repeat(32) + "z")).contains(Refusal.TOO_LONG);
		assertThat(policy.check("x7Kq".repeat(32))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1234", "Password2024", "PASSWORD2024", "qwertyuiop123", "1q2w3e4r5t6y",
			"iloveyou2000", "aaaaaaaaaaaa", "123456789012", "qazwsxedcrfv", "Football2012" })
	void refusesCommonPasswordsWhateverTheirCase(String password) {
		assertThat(policy.check(password)).contains(Refusal.COMMON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "kettle crema harbour", "twelve chars", "Tr0ub4dor&3-horse", "oat biscuits at dawn" })
	void acceptsTheRest(String password) {
		assertThat(policy.check(password)).isEmpty();
	}

	@Test
	void namesEachRefusalWithAMessageCode() {
		assertThat(Refusal.TOO_SHORT.messageCode()).isEqualTo("password.too.short");
		assertThat(Refusal.COMMON.messageCode()).isEqualTo("password.common");
	}

}
