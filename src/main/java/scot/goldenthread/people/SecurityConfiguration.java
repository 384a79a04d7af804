package scot.goldenthread.people;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Anyone may read what is published; every change needs a signed-in person, and
 * what they may change is decided by {@link Access} where the change is made. Pages sign in with a
 * form (or single sign-on) and carry CSRF tokens; scripts send a personal access token instead.
 */
@Configuration
class SecurityConfiguration {

	/** The GOV.UK Frontend snippet that marks the page as able to run its scripts. */
	private static final String GOVUK_INLINE_SCRIPT = "'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='";

	private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	private static final HttpStatusEntryPoint API_UNAUTHORIZED = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);

	/**
	 * A script that sends no token and no session is not signed in, whatever else it lacks: the CSRF check
	 * refuses it before anyone asks who it is, and it is told 401 as the API promises, not 403.
	 */
	private static void apiDenied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		Authentication person = SecurityContextHolder.getContext().getAuthentication();
		if (person == null || new AuthenticationTrustResolverImpl().isAnonymous(person)) {
			API_UNAUTHORIZED.commence(request, response, new InsufficientAuthenticationException(denied.getMessage(), denied));
		}
		else {
			new AccessDeniedHandlerImpl().handle(request, response, denied);
		}
	}

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
			// a resident comments on a draft annual report open for comment with no account, the form's CSRF token still checked
			.requestMatchers(HttpMethod.POST, "/annual-reports/*/comments").permitAll()
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
			.exceptionHandling((errors) -> errors.defaultAuthenticationEntryPointFor(API_UNAUTHORIZED, API)
				.defaultAccessDeniedHandlerFor(SecurityConfiguration::apiDenied, API))
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
