package scot.goldenthread.people;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signing in and out, locking, passwords, access tokens, and administrators managing accounts. */
@SpringBootTest(properties = {
		// a provider given by its endpoints, so nothing is fetched from it until someone chooses it
		"spring.security.oauth2.client.registration.entra.client-id=golden-thread",
		"spring.security.oauth2.client.registration.entra.client-secret=secret",
		"spring.security.oauth2.client.registration.entra.client-name=Microsoft",
		"spring.security.oauth2.client.registration.entra.scope=openid,email,profile",
		"spring.security.oauth2.client.registration.entra.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.entra.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.provider.entra.authorization-uri=https://login.example.org/authorize",
		"spring.security.oauth2.client.provider.entra.token-uri=https://login.example.org/token",
		"spring.security.oauth2.client.provider.entra.jwk-set-uri=https://login.example.org/keys" })
@AutoConfigureMockMvc
class AccountTests {

	static final String PASSWORD = Fixtures.PASSWORD;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessTokens tokens;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
	}

	@Test
	void peopleSignInWithTheirPasswords() throws Exception {
		String lead = this.world.withPassword(this.world.lead());
		this.mvc.perform(formLogin("/sign-in").user(lead).password(PASSWORD))
			.andExpect(authenticated().withUsername(lead))
			.andExpect(redirectedUrl("/my-updates"));
		this.mvc.perform(formLogin("/sign-in").user(lead).password("wrong password!"))
			.andExpect(unauthenticated()).andExpect(redirectedUrl("/sign-in?error"));
		this.mvc.perform(get("/sign-in").param("error", ""))
			.andExpect(content().string(containsString("The username or password is not right.")));
		assertThat(this.jdbc.sql("select password_hash from account where username = ?").param(lead).query(String.class).single())
			.startsWith("{bcrypt}$2a$");
	}

	@Test
	void fiveFailuresInARowLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
		String person = this.world.withPassword(this.world.otherLead());
		for (int i = 0; i < Accounts.FAILURES_BEFORE_LOCK; i++) {
			this.mvc.perform(formLogin("/sign-in").user(person).password("guess " + i)).andExpect(unauthenticated());
		}
		this.mvc.perform(formLogin("/sign-in").user(person).password(PASSWORD))
			.andExpect(unauthenticated()).andExpect(redirectedUrl("/sign-in?error"));
		// an unknown username gets the same answer, so the answers tell no one which accounts exist
		for (int i = 0; i <= Accounts.FAILURES_BEFORE_LOCK; i++) {
			this.mvc.perform(formLogin("/sign-in").user("no.such.person").password("guess " + i)).andExpect(redirectedUrl("/sign-in?error"));
		}
		this.mvc.perform(get("/sign-in").param("error", ""))
			.andExpect(content().string(containsString("After 5 failed sign-ins in a row an account is locked for 15 minutes")));
		long id = this.accounts.byUsername(person).orElseThrow().id();
		assertThat(this.audit.history("account", id)).last().satisfies((e) -> assertThat(e.summary()).contains("Locked the account"));
		this.mvc.perform(post("/admin/accounts/{id}/unlock", id).with(SignedIn.as(this.users, this.world.administrator()))).andExpect(status().is3xxRedirection());
		this.mvc.perform(formLogin("/sign-in").user(person).password(PASSWORD)).andExpect(authenticated());
	}

	@Test
	void aPersonChangesTheirPasswordGivingTheCurrentOne() throws Exception {
		String person = this.world.withPassword(this.world.viewer());
		this.mvc.perform(post("/account/password").with(SignedIn.as(this.users, person))
			.param("current", "not it").param("password", "a much longer passphrase").param("confirm", "a much longer passphrase"))
			.andExpect(flash().attribute("errors", java.util.Map.of("current", "Your current password is not right")));
		this.mvc.perform(post("/account/password").with(SignedIn.as(this.users, person))
			.param("current", PASSWORD).param("password", "short").param("confirm", "short"))
			.andExpect(flash().attribute("errors", java.util.Map.of("password", "Enter a password of at least 12 characters")));
		this.mvc.perform(post("/account/password").with(SignedIn.as(this.users, person))
			.param("current", PASSWORD).param("password", "a much longer passphrase").param("confirm", "a much longer passphrase"))
			.andExpect(flash().attribute("done", "Your password has been changed."));
		this.mvc.perform(formLogin("/sign-in").user(person).password("a much longer passphrase")).andExpect(authenticated());
	}

	@Test
	void formsNeedTheirCsrfTokenAndPagesCarrySecurityHeaders() throws Exception {
		this.mvc.perform(post("/account/password").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(this.users.loadUserByUsername(this.world.viewer()))).param("current", "x").param("password", "y").param("confirm", "y"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/plans").accept(MediaType.TEXT_HTML))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
	}

	@Test
	void aScriptUsesAPersonalAccessTokenUntilItIsRevoked() throws Exception {
		Account lead = this.accounts.byUsername(this.world.lead()).orElseThrow();
		String secret = this.tokens.create(lead, "nightly feed", null);
		assertThat(secret).startsWith("gt_");
		assertThat(this.jdbc.sql("select count(*) from access_token where token_hash = ?").param(secret).query(Long.class).single()).isZero();
		// no session and no CSRF token: the token alone, with its owner's roles
		this.mvc.perform(put("/api/actions/{a}/updates/{p}", 1, 1).header("Authorization", "Bearer " + secret)
			.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/measures/definitions").header("Authorization", "Bearer " + secret))
			.andExpect(status().isBadRequest());
		this.mvc.perform(multipart("/api/measures/definitions").file("file", new byte[0]).header("Authorization", "Bearer " + secret))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/measures/definitions").header("Authorization", "Bearer gt_forged"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/account").with(SignedIn.as(this.users, lead.username())))
			.andExpect(content().string(containsString("nightly feed")))
			.andExpect(content().string(containsString(secret.substring(0, 7) + "...")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(secret))));
		long id = this.tokens.of(lead.id()).get(0).id();
		this.mvc.perform(post("/account/tokens/{id}/revoke", id).with(SignedIn.as(this.users, this.world.otherLead()))).andExpect(status().isNotFound());
		this.mvc.perform(post("/account/tokens/{id}/revoke", id).with(SignedIn.as(this.users, lead.username())))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/api/measures/definitions").header("Authorization", "Bearer " + secret))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anAdministratorMakesAnAccountAndGivesItARole() throws Exception {
		String administrator = this.world.administrator();
		String username = this.world.tag() + ".smith";
		this.mvc.perform(post("/admin/accounts/new").with(SignedIn.as(this.users, administrator))
			.param("username", "Bad Name").param("displayName", "").param("email", "nope").param("password", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"username-error\"")))
			.andExpect(content().string(containsString("Enter the person&#39;s name")))
			.andExpect(content().string(containsString("Enter an email address like name@example.gov.scot")));
		String location = this.mvc.perform(post("/admin/accounts/new").with(SignedIn.as(this.users, administrator))
			.param("username", username).param("displayName", "<b>Jo</b> Smith").param("jobTitle", "Chief Social Work Officer")
			.param("email", "jo.smith@example.org").param("password", "correct horse battery"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = this.accounts.byUsername(username).orElseThrow().id();
		assertThat(location).isEqualTo("/admin/accounts/" + id);
		this.mvc.perform(post("/admin/accounts/{id}/grants", id).with(SignedIn.as(this.users, administrator)).param("role", "contributor")
			.param("where", "plan:" + this.world.plan().id()));
		this.mvc.perform(get("/admin/accounts/{id}", id).with(SignedIn.as(this.users, administrator)))
			.andExpect(content().string(containsString("&lt;b&gt;Jo&lt;/b&gt; Smith")))
			.andExpect(content().string(containsString(this.world.plan().title() + " (plan)")));
		assertThat(this.accounts.grants(id)).singleElement().satisfies((g) -> assertThat(g.role()).isEqualTo(Role.CONTRIBUTOR));
		assertThat(this.audit.history("account", id)).first().satisfies((e) -> {
			assertThat(e.actor()).isEqualTo(administrator);
			assertThat(e.after()).doesNotContain("password").doesNotContain("bcrypt");
		});
		this.mvc.perform(get("/admin/accounts").with(SignedIn.as(this.users, this.world.owner()))).andExpect(status().isForbidden());
	}

	@Test
	void singleSignOnIsOfferedWhenAProviderIsConfigured() throws Exception {
		this.mvc.perform(get("/sign-in")).andExpect(content().string(containsString("Sign in with Microsoft")));
		this.mvc.perform(get("/oauth2/authorization/entra"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("https://login.example.org/authorize?response_type=code&client_id=golden-thread")));
	}

	@Test
	void administratorsSeeAndExportTheAuditTrail() throws Exception {
		String administrator = this.world.administrator();
		String code = this.world.plan().code();
		this.mvc.perform(get("/admin/audit").param("entityType", "plan").param("text", code).with(SignedIn.as(this.users, administrator)))
			.andExpect(content().string(containsString("Imported plan " + code)));
		this.mvc.perform(get("/admin/audit").param("from", "23/11/2026").with(SignedIn.as(this.users, administrator)))
			.andExpect(content().string(containsString("id=\"from-error\"")));
		String csv = this.mvc.perform(get("/admin/audit.csv").param("entityType", "reporting-period").with(SignedIn.as(this.users, administrator)))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"audit-trail.csv\""))
			.andReturn().getResponse().getContentAsString();
		assertThat(csv.lines()).first().isEqualTo("occurred_at,actor,action,entity_type,entity_id,summary,before,after");
		assertThat(csv).contains("Set up the reporting period Update now of " + code);
		this.mvc.perform(get("/admin/audit.csv").with(SignedIn.as(this.users, this.world.viewer()))).andExpect(status().isForbidden());
	}

	@Test
	void oneAddressTryingToSignInOrUsingTokensTooOftenIsAskedToWait() throws Exception {
		String person = this.world.withPassword(this.world.lead());
		// an address of its own, so that no other test's sign-ins count
		for (int i = 0; i < 30; i++) {
			this.mvc.perform(signInFrom("192.0.2.7", "guess" + i, "guess"))
				.andExpect(redirectedUrl("/sign-in?error"));
		}
		this.mvc.perform(signInFrom("192.0.2.7", person, PASSWORD))
			.andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "60")).andExpect(unauthenticated());
		// another address is not held back
		this.mvc.perform(signInFrom("192.0.2.8", person, PASSWORD)).andExpect(authenticated());
		for (int i = 0; i < 600; i++) {
			this.mvc.perform(get("/api/plans").header("Authorization", "Bearer gt_not-a-token").with(from("192.0.2.9")))
				.andExpect(status().isUnauthorized());
		}
		this.mvc.perform(get("/api/plans").header("Authorization", "Bearer gt_not-a-token").with(from("192.0.2.9")))
			.andExpect(status().isTooManyRequests());
	}

	static org.springframework.test.web.servlet.RequestBuilder signInFrom(String address, String username, String password) {
		return post("/sign-in").param("username", username).param("password", password).with(from(address))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
