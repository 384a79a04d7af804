package scot.goldenthread.people;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows whoever guesses: each client address may try to sign in, and may send requests with an access token,
 * only so many times a minute; past that it is answered 429 Too Many Requests with when to try again. The
 * lock of an account after five failures stops guessing one password; this stops trying many accounts.
 * Counted per instance, in a fixed window from an address's first attempt.
 */
class Throttle extends OncePerRequestFilter {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private final int signIns;

	private final int tokenRequests;

	private final Cache<String, AtomicInteger> attempts = Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(100_000).build();

	Throttle(int signInsPerMinute, int tokenRequestsPerMinute) {
		this.signIns = signInsPerMinute;
		this.tokenRequests = tokenRequestsPerMinute;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean signIn = HttpMethod.POST.matches(request.getMethod())
				&& request.getRequestURI().equals(request.getContextPath() + "/sign-in");
		boolean token = AccessTokenFilter.carriesToken(request);
		if (signIn || token) {
			String key = (signIn ? "sign-in " : "token ") + request.getRemoteAddr();
			int count = this.attempts.get(key, (k) -> new AtomicInteger()).incrementAndGet();
			if (count > (signIn ? this.signIns : this.tokenRequests)) {
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(WINDOW.toSeconds()));
				response.sendError(429, signIn ? "Too many sign-in attempts from this address: try again in a minute"
						: "Too many requests with an access token from this address: try again in a minute");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
