package scot.goldenthread.people;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.audit.TableVersions;
import scot.goldenthread.shared.FirstLoad;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** A person's own account page alone, its services mocked: each form's command is checked, and its problems go back beside their fields. */
@WebMvcTest(AccountController.class)
@WithMockUser
class AccountControllerTests {

	static final Account ME = new Account(7, "jo", "Jo Smith", "jo@example.org", "Officer", null, true, 0, null);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Access access;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	AccessTokens tokens;

	@MockitoBean
	Places places;

	/** What the public caching filter, which every page passes, asks when the data last changed. */
	@MockitoBean
	AuditLog audit;

	@MockitoBean
	TableVersions versions;

	@MockitoBean
	FirstLoad firstLoad;

	@BeforeEach
	void signedIn() {
		given(this.access.current()).willReturn(Optional.of(ME));
	}

	@Test
	void aTokenNeedsANameAndARealDateNotPast() throws Exception {
		this.mvc.perform(post("/account/tokens").with(csrf()).param("name", " ").param("expiresOn", "31/12/2027"))
			.andExpect(redirectedUrl("/account#tokens"))
			.andExpect(flash().attribute("errors", Map.of("name", "Enter a name for the token of up to 100 characters, such as what will use it",
					"expiresOn", "The expiry date must be a real date")));
		this.mvc.perform(post("/account/tokens").with(csrf()).param("name", "feed").param("expiresOn", LocalDate.now().minusDays(1).toString()))
			.andExpect(flash().attribute("errors", Map.of("expiresOn", "The expiry date must be today or later")));
		verifyNoInteractions(this.tokens);
		given(this.tokens.create(any(), any(), any())).willReturn("gt_secret");
		this.mvc.perform(post("/account/tokens").with(csrf()).param("name", " nightly feed ").param("expiresOn", "2099-03-31"))
			.andExpect(flash().attribute("secret", "gt_secret"))
			.andExpect(flash().attribute("errors", Map.of()));
		verify(this.tokens).create(ME, "nightly feed", LocalDate.of(2099, 3, 31));
	}

	@Test
	void aNewPasswordIsTypedTwiceAlike() throws Exception {
		this.mvc.perform(post("/account/password").with(csrf()).param("current", "old one").param("password", "a new passphrase")
			.param("confirm", "another passphrase"))
			.andExpect(flash().attribute("errors", Map.of("confirm", "The new passwords do not match")));
		this.mvc.perform(post("/account/password").with(csrf()).param("current", "old one"))
			.andExpect(flash().attribute("errors", Map.of("password", "Fill in all three password fields", "confirm", "Fill in all three password fields")));
		verify(this.accounts, never()).changePassword(any(), any(), any());
	}

}
