package io.nextbox.account;

public enum Role {

	SUBSCRIBER, MERCHANT;

	public String authority() {
		return "ROLE_" + name();
	}

}
