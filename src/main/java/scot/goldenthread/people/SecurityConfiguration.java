package scot.goldenthread.people;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may reach what. Anyone may read what is published; every change needs a signed-in person, and
 * what they may change is decided by {@link Access} where the change is made. Pages sign in with a
 * form (or single sign-on) and carry CSRF tokens; scripts send a personal access token instead.
 */
@Configuration
class SecurityConfiguration {

	/** The GOV.UK Frontend snippet that marks the page as able to run its scripts. */
	private static final String GOVUK_INLINE_SCRIPT = "'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='";

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt now, and whatever stronger algorithm is named in a stored hash's prefix later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain security(HttpSecurity http, AccessTokens tokens, AccountUserDetails users, Accounts accounts,
			ObjectProvider<ClientRegistrationRepository> singleSignOn,
			@Value("${goldenthread.throttle.sign-ins-per-minute:30}") int signInsPerMinute,
			@Value("${goldenthread.throttle.token-requests-per-minute:600}") int tokenRequestsPerMinute) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/admin/**", "/api/admin/**").hasRole(Role.ADMINISTRATOR.name())
			.requestMatchers("/account/**", "/my-updates/**", "/plans/import", "/measures/import").authenticated()
			.requestMatchers("/sign-in").permitAll()
			.requestMatchers(HttpMethod.GET, "/**").permitAll()
			.requestMatchers(HttpMethod.HEAD, "/**").permitAll()
			.anyRequest().authenticated())
			.formLogin((form) -> form.loginPage("/sign-in")
				.defaultSuccessUrl("/my-updates")
				// a locked account is answered as a wrong password is, so no answer tells which usernames exist
				.failureUrl("/sign-in?error"))
			.logout((logout) -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/?signed-out"))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(AccessTokenFilter::carriesToken))
			.addFilterBefore(new Throttle(signInsPerMinute, tokenRequestsPerMinute), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new AccessTokenFilter(tokens, users), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling((errors) -> errors.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
					(HttpServletRequest request) -> PathPatternRequestMatcher.withDefaults().matcher("/api/**").matches(request)))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; script-src 'self' " + GOVUK_INLINE_SCRIPT
						+ "; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		if (singleSignOn.getIfAvailable() != null) {
			http.oauth2Login((sso) -> sso.loginPage("/sign-in")
				.defaultSuccessUrl("/my-updates")
				.userInfoEndpoint((info) -> info.oidcUserService(new SingleSignOn(accounts, users))));
		}
		return http.build();
	}

}
