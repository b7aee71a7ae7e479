package io.nextbox.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	private final SubscriberRepository subscribers;

	AccountUserDetailsService(AccountRepository accounts, SubscriberRepository subscribers) {
		this.accounts = accounts;
		this.subscribers = subscribers;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		Account account = accounts.findByEmail(AccountService.normalizeEmail(username))
			.orElseThrow(() -> new UsernameNotFoundException("No account for " + username));
		Long subscriberId = account.getRole() == Role.SUBSCRIBER
				? subscribers.findByAccountId(account.getId()).map(Subscriber::getId).orElse(null) : null;
		return new NextboxUser(account.getId(), subscriberId, account.getEmail(), account.getDisplayName(),
				account.getRole(), account.getPasswordHash());
	}

}
