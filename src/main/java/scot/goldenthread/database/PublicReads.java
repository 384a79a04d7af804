package scot.goldenthread.database;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends what the public reads to a replica ({@link Replicas}): a GET or HEAD from someone not signed in. A signed-in
 * person's requests all go to the primary, so they read what they have just written. Runs only with replicas set, after
 * sign-in is known and before the public caching reads its validator, so that the validator and the page come from the
 * same database.
 */
class PublicReads extends OncePerRequestFilter {

	private final Replicas replicas;

	PublicReads(Replicas replicas) {
		this.replicas = replicas;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication who = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = who != null && !(who instanceof AnonymousAuthenticationToken);
		if (signedIn) {
			chain.doFilter(request, response);
			return;
		}
		try (Replicas.Reading reading = this.replicas.reading()) {
			chain.doFilter(request, response);
		}
	}

}
