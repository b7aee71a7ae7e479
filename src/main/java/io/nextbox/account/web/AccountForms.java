package io.nextbox.account.web;

/** The forms of the account page, one per section. */
final class AccountForms {

	private AccountForms() {
	}

	/** Your name: first (required) and last. */
	public static class NameForm {

		private String firstName;

		private String lastName;

		public String getFirstName() {
			return firstName;
		}

		public void setFirstName(String firstName) {
			this.firstName = firstName;
		}

		public String getLastName() {
			return lastName;
		}

		public void setLastName(String lastName) {
			this.lastName = lastName;
		}

	}

	/** The address to change to. */
	public static class EmailForm {

		private String email;

		public String getEmail() {
			return email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

	}

	/** The two email preferences, as checkboxes. */
	public static class PreferencesForm {

		private boolean boxReminders;

		private boolean reminderSuggestions;

		public boolean isBoxReminders() {
			return boxReminders;
		}

		public void setBoxReminders(boolean boxReminders) {
			this.boxReminders = boxReminders;
		}

		public boolean isReminderSuggestions() {
			return reminderSuggestions;
		}

		public void setReminderSuggestions(boolean reminderSuggestions) {
			this.reminderSuggestions = reminderSuggestions;
		}

	}

}
