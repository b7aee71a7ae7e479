package io.nextbox.account.web;

/** The set-password form: the link's token, the new password twice. */
public class SetPasswordForm {

	private String token;

	private String password;

	private String confirmation;

	public String getToken() {
		return token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getConfirmation() {
		return confirmation;
	}

	public void setConfirmation(String confirmation) {
		this.confirmation = confirmation;
	}

}
