package io.nextbox.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in person. Controllers take it with {@code @AuthenticationPrincipal}; a subscriber's
 * {@link #subscriberId()} is what every subscriber-owned id is checked against.
 */
public record NextboxUser(long accountId, Long subscriberId, String email, String displayName, Role role,
		String passwordHash) implements UserDetails {

	public boolean isMerchant() {
		return role == Role.MERCHANT;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public String toString() {
		return "NextboxUser[" + email + ", " + role + "]";
	}

}
