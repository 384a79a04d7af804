package scot.goldenthread.people;

import java.util.Optional;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on with an OpenID Connect provider (Microsoft Entra ID, or any other): the provider
 * vouches for the person, whose account an administrator has already made with the same email
 * address or username; their roles are the account's.
 */
class SingleSignOn extends OidcUserService {

	private final Accounts accounts;

	private final AccountUserDetails users;

	SingleSignOn(Accounts accounts, AccountUserDetails users) {
		this.accounts = accounts;
		this.users = users;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser person = super.loadUser(request);
		Account account = Optional.ofNullable(person.getEmail()).flatMap(this.accounts::byEmail)
			.or(() -> Optional.ofNullable(person.getPreferredUsername()).flatMap(this.accounts::byUsername))
			.filter(Account::enabled)
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("no_account",
					"There is no Golden Thread account for " + person.getEmail() + "; ask an administrator", null)));
		return new SignedIn(account.username(), person, this.users);
	}

	/** The provider's person, known here by their account's username. */
	static final class SignedIn extends DefaultOidcUser {

		private final String username;

		SignedIn(String username, OidcUser person, AccountUserDetails users) {
			super(users.loadUserByUsername(username).getAuthorities(), person.getIdToken(), person.getUserInfo());
			this.username = username;
		}

		@Override
		public String getName() {
			return this.username;
		}

	}

}
