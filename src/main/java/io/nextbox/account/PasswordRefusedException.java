package io.nextbox.account;

/** A password the {@link PasswordPolicy} refuses; {@link #refusal()} says why. */
public class PasswordRefusedException extends RuntimeException {

	private final PasswordPolicy.Refusal refusal;

	public PasswordRefusedException(PasswordPolicy.Refusal refusal) {
		super("The password is refused: " + PasswordPolicy.describe(refusal));
		this.refusal = refusal;
	}

	public PasswordPolicy.Refusal refusal() {
		return refusal;
	}

	static void check(PasswordPolicy policy, String password) {
		policy.check(password).ifPresent(refusal -> {
			throw new PasswordRefusedException(refusal);
		});
	}

}
