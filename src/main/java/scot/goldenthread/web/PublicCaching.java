package scot.goldenthread.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import scot.goldenthread.audit.AuditLog;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lets browsers and caches keep what the public reads, and keeps it here too. Everything published
 * changes only with a change that the audit trail records, and statuses with the date, so the last
 * change and today make the validator: an approval (or any change) makes every kept page stale at once.
 * A page that has not changed is answered "304 Not Modified", or sent as it was last made, without being
 * made again. Signed-in people get pages made for them, which no one keeps.
 */
@Component
class PublicCaching extends OncePerRequestFilter {

	/** Pages that carry a form token or are someone's own; static files have their own caching. */
	private static final List<String> NOT_PUBLIC = List.of("/sign-in", "/sign-out", "/account", "/my-updates", "/admin", "/webjars/",
			"/css/", "/js/", "/error", "/swagger-ui", "/v3/api-docs", "/api-docs");

	/** Answers validated but never kept: open data is streamed, of any size. */
	private static final List<String> NOT_KEPT = List.of("/open-data/");

	/** The largest answer kept, and all of them together: the heap stays small. */
	private static final int LARGEST = 4 << 20;

	private final AuditLog audit;

	/** What the public was last sent for a URL, with the validator it was made under. */
	private record Kept(String etag, String contentType, String disposition, byte[] body) {
	}

	private final Cache<String, Kept> kept = Caffeine.newBuilder()
		.maximumWeight(32 << 20)
		.weigher((String url, Kept page) -> page.body().length + url.length())
		.build();

	private final Clock clock;

	PublicCaching(AuditLog audit, Clock clock) {
		this.audit = audit;
		this.clock = clock;
	}

	/** The address with every parameter, sorted, and what the asker accepts: all that decides what is sent. */
	private static String key(HttpServletRequest request) {
		StringBuilder key = new StringBuilder(request.getRequestURI()).append('?');
		new TreeMap<>(request.getParameterMap())
			.forEach((name, values) -> key.append(name).append('=').append(String.join(",", values)).append('&'));
		return key.append(' ').append(request.getHeader(HttpHeaders.ACCEPT)).toString();
	}

	private static boolean under(HttpServletRequest request, List<String> prefixes) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return prefixes.stream().anyMatch(path::startsWith);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) || under(request, NOT_PUBLIC);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication who = SecurityContextHolder.getContext().getAuthentication();
		if (who != null && !(who instanceof AnonymousAuthenticationToken)) {
			chain.doFilter(request, response);
			return;
		}
		AuditLog.LastChange last = this.audit.lastChange();
		LocalDate today = LocalDate.now(this.clock);
		String etag = "W/\"" + last.id() + "-" + today + "\"";
		// a page's status words can change at midnight, so it is no older than today's start
		long lastModified = Math.max(last.at().toEpochMilli(), today.atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli());
		response.setHeader(HttpHeaders.VARY, "Cookie, Authorization");
		Runnable validators = () -> {
			response.setHeader(HttpHeaders.ETAG, etag);
			response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "public, no-cache");
		};
		if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))
				|| (request.getHeader(HttpHeaders.IF_NONE_MATCH) == null && request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE) >= lastModified / 1000 * 1000)) {
			validators.run();
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		OnlyFound found = new OnlyFound(response, validators);
		if (!"GET".equals(request.getMethod()) || under(request, NOT_KEPT)) {
			if ("GET".equals(request.getMethod())) {
				// a streamed download writes on a thread of its own, so its headers are set before it starts
				found.decideAhead();
			}
			chain.doFilter(request, found);
			found.decide();
			return;
		}
		String url = key(request);
		Kept page = this.kept.getIfPresent(url);
		if (page != null && page.etag().equals(etag)) {
			validators.run();
			response.setContentType(page.contentType());
			if (page.disposition() != null) {
				response.setHeader(HttpHeaders.CONTENT_DISPOSITION, page.disposition());
			}
			response.setContentLength(page.body().length);
			response.getOutputStream().write(page.body());
			return;
		}
		ContentCachingResponseWrapper made = new ContentCachingResponseWrapper(found);
		chain.doFilter(request, made);
		if (!request.isAsyncStarted() && made.getStatus() == HttpServletResponse.SC_OK && made.getContentSize() <= LARGEST) {
			this.kept.put(url, new Kept(etag, made.getContentType(), made.getHeader(HttpHeaders.CONTENT_DISPOSITION), made.getContentAsByteArray()));
		}
		made.copyBodyToResponse();
	}

	/**
	 * A response that takes the public validators only if it turns out to be a page (200): a 404 or an error
	 * sent with them would be kept and revalidated as if it were one. The status is known when the body is
	 * first written, or at the end for an answer with none.
	 */
	private static final class OnlyFound extends HttpServletResponseWrapper {

		private final Runnable validators;

		private boolean decided;

		/** The validators were set before the body, so an error must take them back. */
		private boolean ahead;

		OnlyFound(HttpServletResponse response, Runnable validators) {
			super(response);
			this.validators = validators;
		}

		void decide() {
			if (!this.decided && !isCommitted() && getStatus() == HttpServletResponse.SC_OK) {
				this.validators.run();
			}
			this.decided = true;
		}

		/** The validators now, before the body is written; taken back by an error, which no one may keep. */
		void decideAhead() {
			this.validators.run();
			this.decided = true;
			this.ahead = true;
		}

		@Override
		public void setStatus(int sc) {
			super.setStatus(sc);
			if (this.ahead && sc != HttpServletResponse.SC_OK) {
				setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			}
		}

		@Override
		public void sendError(int sc, String msg) throws IOException {
			if (this.ahead) {
				setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			}
			super.sendError(sc, msg);
		}

		@Override
		public void sendError(int sc) throws IOException {
			sendError(sc, null);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			decide();
			return super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			decide();
			return super.getWriter();
		}

		@Override
		public void flushBuffer() throws IOException {
			decide();
			super.flushBuffer();
		}

	}

}
