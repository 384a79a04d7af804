package scot.goldenthread.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import scot.goldenthread.audit.AuditLog;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets browsers and caches keep what the public reads. Everything published changes only with a change
 * that the audit trail records, and statuses with the date, so the last change and today make the
 * validator: an approval (or any change) makes every cached page stale at once, and a page that has not
 * changed is answered "304 Not Modified" without being made again. Signed-in people get pages made for
 * them, which no one keeps.
 */
@Component
class PublicCaching extends OncePerRequestFilter {

	/** Pages that carry a form token or are someone's own; static files have their own caching. */
	private static final List<String> NOT_PUBLIC = List.of("/sign-in", "/sign-out", "/account", "/my-updates", "/admin", "/webjars/",
			"/css/", "/js/", "/error", "/swagger-ui", "/v3/api-docs", "/api-docs");

	private final AuditLog audit;

	PublicCaching(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) || NOT_PUBLIC.stream().anyMatch(path::startsWith);
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
		LocalDate today = LocalDate.now();
		String etag = "W/\"" + last.id() + "-" + today + "\"";
		// a page's status words can change at midnight, so it is no older than today's start
		long lastModified = Math.max(last.at().toEpochMilli(), today.atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli());
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "public, no-cache");
		response.setHeader(HttpHeaders.VARY, "Cookie, Authorization");
		if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))
				|| (request.getHeader(HttpHeaders.IF_NONE_MATCH) == null && request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE) >= lastModified / 1000 * 1000)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		chain.doFilter(request, response);
	}

}
