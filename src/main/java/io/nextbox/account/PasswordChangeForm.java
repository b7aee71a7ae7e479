package io.nextbox.account;

/** A change of your own password as its form posts it: the current one (when there is one), the new one twice. */
public class PasswordChangeForm {

	private String currentPassword;

	private String newPassword;

	private String confirmation;

	public String getCurrentPassword() {
		return currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getNewPassword() {
		return newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getConfirmation() {
		return confirmation;
	}

	public void setConfirmation(String confirmation) {
		this.confirmation = confirmation;
	}

	/** Empties the fields, so a refused form is not sent back with passwords in it. */
	public void forget() {
		currentPassword = null;
		newPassword = null;
		confirmation = null;
	}

}
