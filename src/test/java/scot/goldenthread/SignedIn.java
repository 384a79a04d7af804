package scot.goldenthread;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** A request from a demo account as it signs in, roles and all, with the CSRF token its page would carry. */
public final class SignedIn {

	private SignedIn() {
	}

	public static RequestPostProcessor as(UserDetailsService users, String username) {
		RequestPostProcessor person = user(users.loadUserByUsername(username));
		return (request) -> csrf().postProcessRequest(person.postProcessRequest(request));
	}

}
