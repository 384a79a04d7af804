package scot.goldenthread.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import scot.goldenthread.audit.TableVersions;
import scot.goldenthread.audit.TablesRead;
import scot.goldenthread.shared.FirstLoad;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lets browsers and caches keep what the public reads, and keeps it here too. Everything published changes only
 * when a table changes, and statuses with the date: so a page's validator is made of the versions of the tables it
 * read when it was made ({@link TableVersions}, {@link TablesRead}) and today, and a change makes stale only the pages
 * that read a table it changed. A page that has not changed is answered "304 Not Modified", or sent as it was last
 * made without being made again: small answers from the heap, large ones (every data zone's values, a report file)
 * from files on disk, within a bound. Signed-in people get pages made for them, which no one keeps.
 */
@Component
class PublicCaching extends OncePerRequestFilter {

	/** Pages that carry a form token (a draft annual report open for comment) or are someone's own; static files have their own caching. */
	private static final List<String> NOT_PUBLIC = List.of("/sign-in", "/sign-out", "/account", "/my-updates", "/admin", "/webjars/",
			"/css/", "/js/", "/error", "/swagger-ui", "/v3/api-docs", "/api-docs", "/annual-reports/");

	/** Answers validated but never kept: open data is streamed, of any size, on a thread of its own. */
	private static final List<String> NOT_KEPT = List.of("/open-data/");

	/** Answers up to this size are kept in the heap, up to 32 MB of them; larger ones on disk. */
	private static final int IN_HEAP = 256 << 10;

	/** The disk kept answers may fill, and the largest one kept. */
	private static final long ON_DISK = 1L << 30;

	private static final long LARGEST = 64 << 20;

	private final TableVersions versions;

	private final Clock clock;

	/** What the public was last sent for an address: its validator, the tables it read, and its body in the heap or a file. */
	private record Kept(Validators validators, Set<String> tables, String contentType, String disposition, byte[] body, Path file, long length) {
	}

	private final Cache<String, Kept> inHeap = Caffeine.newBuilder()
		.maximumWeight(32 << 20)
		.weigher((String url, Kept page) -> page.body().length + url.length())
		.build();

	private final Cache<String, Kept> onDisk = Caffeine.newBuilder()
		.maximumWeight(ON_DISK)
		.executor(Runnable::run)
		.weigher((String url, Kept page) -> (int) page.length())
		.removalListener((String url, Kept page, RemovalCause cause) -> delete(page.file()))
		.build();

	/** The tables each address read when last made, so a browser's copy is revalidated even when the body is no longer kept. */
	private final Cache<String, Set<String>> readBy = Caffeine.newBuilder().maximumSize(100_000).build();

	private final Path disk;

	private final FirstLoad firstLoad;

	PublicCaching(TableVersions versions, Clock clock, FirstLoad firstLoad) throws IOException {
		this.versions = versions;
		this.firstLoad = firstLoad;
		this.clock = clock;
		this.disk = Files.createTempDirectory("golden-thread-kept");
	}

	/** The kept files go with the application. */
	@Override
	public void destroy() {
		this.onDisk.invalidateAll();
		try (Stream<Path> files = Files.walk(this.disk)) {
			files.sorted(Comparator.reverseOrder()).forEach(PublicCaching::delete);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The address with every parameter, sorted. */
	private static String address(HttpServletRequest request) {
		StringBuilder key = new StringBuilder(request.getRequestURI()).append('?');
		new TreeMap<>(request.getParameterMap())
			.forEach((name, values) -> key.append(name).append('=').append(String.join(",", values)).append('&'));
		return key.toString();
	}

	private static boolean under(HttpServletRequest request, List<String> prefixes) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return prefixes.stream().anyMatch(path::startsWith);
	}

	/** A page's validators: the versions of the tables it read (all of them when that is not known) and today. */
	private record Validators(String etag, long lastModified) {

		static Validators of(TableVersions.Versions versions, Set<String> tables, LocalDate today) {
			// a page's status words can change at midnight, so it is no older than today's start
			long lastModified = Math.max(versions.changedAt(tables).toEpochMilli(),
					today.atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli());
			return new Validators("W/\"" + versions.tag(tables) + "-" + today + "\"", lastModified);
		}

		boolean match(HttpServletRequest request) {
			String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
			return this.etag.equals(ifNoneMatch)
					|| (ifNoneMatch == null && request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE) >= this.lastModified / 1000 * 1000);
		}

		void apply(HttpServletResponse response) {
			response.setHeader(HttpHeaders.ETAG, this.etag);
			response.setDateHeader(HttpHeaders.LAST_MODIFIED, this.lastModified);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "public, no-cache");
		}

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
		if (this.firstLoad.loading()) {
			// a page made before the demo data is in says so, and goes stale at once
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			chain.doFilter(request, response);
			return;
		}
		TableVersions.Versions versions = this.versions.now();
		LocalDate today = LocalDate.now(this.clock);
		response.setHeader(HttpHeaders.VARY, "Cookie, Authorization");
		boolean keep = "GET".equals(request.getMethod()) && !under(request, NOT_KEPT);
		// what the asker accepts decides what is sent, not what it is made of
		String address = address(request);
		String url = address + ' ' + request.getHeader(HttpHeaders.ACCEPT);
		Validators now = Validators.of(versions, keep ? this.readBy.getIfPresent(address) : null, today);
		if (now.match(request)) {
			now.apply(response);
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		if (!keep) {
			OnlyFound found = new OnlyFound(response, now);
			if ("GET".equals(request.getMethod())) {
				// a streamed download writes on a thread of its own, so its headers are set before it starts
				found.decideAhead();
			}
			chain.doFilter(request, found);
			found.decide();
			return;
		}
		Kept page = this.inHeap.getIfPresent(url);
		page = (page != null) ? page : this.onDisk.getIfPresent(url);
		if (page != null && page.validators().etag().equals(Validators.of(versions, page.tables(), today).etag()) && send(page, response)) {
			return;
		}
		OnlyFound found = new OnlyFound(response, null);
		ContentCachingResponseWrapper made = new ContentCachingResponseWrapper(found);
		Set<String> read;
		try (TablesRead.Recording reading = TablesRead.start()) {
			chain.doFilter(request, made);
			read = reading.tables();
		}
		// an answer made on another thread read what this one cannot tell
		boolean whole = !request.isAsyncStarted();
		found.validators = Validators.of(versions, whole ? read : null, today);
		if (whole && made.getStatus() == HttpServletResponse.SC_OK) {
			this.readBy.put(address, read);
			if (made.getContentSize() <= LARGEST) {
				keep(url, found.validators, read, made);
			}
		}
		made.copyBodyToResponse();
	}

	private void keep(String url, Validators validators, Set<String> read, ContentCachingResponseWrapper made) throws IOException {
		String type = made.getContentType();
		String disposition = made.getHeader(HttpHeaders.CONTENT_DISPOSITION);
		if (made.getContentSize() <= IN_HEAP) {
			this.inHeap.put(url, new Kept(validators, read, type, disposition, made.getContentAsByteArray(), null, made.getContentSize()));
			this.onDisk.invalidate(url);
			return;
		}
		Path file = Files.createTempFile(this.disk, "kept", ".body");
		try (InputStream body = made.getContentInputStream()) {
			Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
		}
		this.onDisk.put(url, new Kept(validators, read, type, disposition, null, file, made.getContentSize()));
		this.inHeap.invalidate(url);
	}

	/** Sends a kept answer; false if its file has just been let go, when it is made again. */
	private boolean send(Kept page, HttpServletResponse response) throws IOException {
		try (InputStream body = (page.file() != null) ? Files.newInputStream(page.file()) : new ByteArrayInputStream(page.body())) {
			page.validators().apply(response);
			response.setContentType(page.contentType());
			if (page.disposition() != null) {
				response.setHeader(HttpHeaders.CONTENT_DISPOSITION, page.disposition());
			}
			response.setContentLengthLong(page.length());
			body.transferTo(response.getOutputStream());
			return true;
		}
		catch (NoSuchFileException ex) {
			return false;
		}
	}

	/**
	 * A response that takes the public validators only if it turns out to be a page (200): a 404 or an error
	 * sent with them would be kept and revalidated as if it were one. The status is known when the body is
	 * first written, or at the end for an answer with none.
	 */
	private static final class OnlyFound extends HttpServletResponseWrapper {

		/** Known before the body for a streamed answer; for one made here, once it is made and before it is sent. */
		private Validators validators;

		private boolean decided;

		/** The validators were set before the body, so an error must take them back. */
		private boolean ahead;

		OnlyFound(HttpServletResponse response, Validators validators) {
			super(response);
			this.validators = validators;
		}

		void decide() {
			if (this.validators == null) {
				return;
			}
			if (!this.decided && !isCommitted() && getStatus() == HttpServletResponse.SC_OK) {
				this.validators.apply(this);
			}
			this.decided = true;
		}

		/** The validators now, before the body is written; taken back by an error, which no one may keep. */
		void decideAhead() {
			this.validators.apply(this);
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
