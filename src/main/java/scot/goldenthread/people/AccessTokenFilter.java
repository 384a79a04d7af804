package scot.goldenthread.people;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in a request that carries "Authorization: Bearer gt_..." as the token's owner; a bad token is refused. */
class AccessTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final AccessTokens tokens;

	private final AccountUserDetails users;

	AccessTokenFilter(AccessTokens tokens, AccountUserDetails users) {
		this.tokens = tokens;
		this.users = users;
	}

	static boolean carriesToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.startsWith(BEARER);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (carriesToken(request)) {
			var user = this.tokens.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip())
				.map(this.users::loadUserByUsername)
				.filter((u) -> u.isEnabled() && u.isAccountNonLocked());
			if (user.isEmpty()) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "The access token is not valid");
				return;
			}
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get().getUsername(), null,
					user.get().getAuthorities()));
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}

}
