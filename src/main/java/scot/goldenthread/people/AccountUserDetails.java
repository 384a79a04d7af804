package scot.goldenthread.people;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Signs people in against their accounts, and counts the failures that lock one. */
@Component
class AccountUserDetails implements UserDetailsService {

	private static final String NO_PASSWORD = "{bcrypt}none";

	private final Accounts accounts;

	AccountUserDetails(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Account account = this.accounts.byUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
		return User.withUsername(account.username())
			// an account for single sign-on only has no password, and none that is typed matches
			.password(this.accounts.passwordHash(username).orElse(NO_PASSWORD))
			.disabled(!account.enabled())
			.accountLocked(account.locked())
			.authorities(authorities(account))
			.build();
	}

	/** Roles held everywhere guard whole areas (administration); the rest are checked where they apply. */
	List<GrantedAuthority> authorities(Account account) {
		return this.accounts.grants(account.id()).stream()
			.filter(Grant::everywhere)
			.map((g) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + g.role().name()))
			.toList();
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		this.accounts.signInFailed(event.getAuthentication().getName());
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.accounts.signedIn(event.getAuthentication().getName());
	}

}
