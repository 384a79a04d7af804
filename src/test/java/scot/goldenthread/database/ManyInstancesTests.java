package scot.goldenthread.database;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import scot.goldenthread.Fixtures;
import scot.goldenthread.GoldenThreadApplication;
import scot.goldenthread.plans.Assessment;
import scot.goldenthread.progress.ProgressUpdates;
import scot.goldenthread.progress.Reminders;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one PostgreSQL primary with a streaming replica, all started here from the
 * embedded binaries: what a national service runs behind a load balancer. A person carries on from one instance on
 * the other; an approval on one reaches the other's public pages within the stated bound, and not before the replica
 * has it unless the replica falls that far behind; a reminder run on both at once goes once; and with the replica
 * stopped the public's reads go to the primary without an error.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManyInstancesTests {

	/** The bound a change takes to reach every instance's public pages, as the instances are told it here. */
	private static final Duration MAX_LAG = Duration.ofSeconds(2);

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	@TempDir
	static Path dirs;

	static EmbeddedPostgres primary;

	static EmbeddedPostgres replica;

	static ConfigurableApplicationContext one;

	static ConfigurableApplicationContext other;

	static Fixtures.World world;

	static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void start() throws IOException {
		// a replica is a copy of the primary's files that then follows its WAL: copied here while the primary is stopped
		Path primaryDir = dirs.resolve("primary");
		Path replicaDir = dirs.resolve("replica");
		primary = primaryOn(primaryDir);
		primary.close();
		copy(primaryDir, replicaDir);
		primary = primaryOn(primaryDir);
		Files.writeString(replicaDir.resolve("standby.signal"), "");
		Files.writeString(replicaDir.resolve("postgresql.auto.conf"),
				"primary_conninfo = 'host=localhost port=" + primary.getPort() + " user=postgres'\n");
		replica = EmbeddedPostgres.builder().setDataDirectory(replicaDir).setCleanDataDirectory(false).start();
		one = instance();
		other = instance();
		world = one.getBean(Fixtures.class).world();
	}

	private static EmbeddedPostgres primaryOn(Path dir) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
			// the WAL the replica needs to catch up from its copy is kept while it starts
			.setServerConfig("wal_keep_size", "1GB");
		if (primary != null) {
			builder.setPort(primary.getPort());
		}
		return builder.start();
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
					Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(file));
				}
				else {
					Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
				// run as root, the embedded PostgreSQL runs as nobody, who must own its files
				Files.setOwner(target, Files.getOwner(file));
			}
		}
	}

	private static ConfigurableApplicationContext instance() {
		// as a server is started: its settings on the command line, over the application's own
		return new SpringApplicationBuilder(GoldenThreadApplication.class).run(
				"--spring.datasource.url=" + primary.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres",
				"--goldenthread.replica-url=" + replica.getJdbcUrl("postgres", "postgres"),
				"--goldenthread.replica-max-lag=" + MAX_LAG,
				"--goldenthread.replica-lag-check=PT0.2S",
				"--goldenthread.demo-data=false",
				"--server.port=0",
				"--spring.mail.host=localhost",
				"--spring.mail.port=3025");
	}

	@AfterAll
	static void stop() throws IOException {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { other, one }) {
			if (instance != null) {
				instance.close();
			}
		}
		for (EmbeddedPostgres server : new EmbeddedPostgres[] { replica, primary }) {
			if (server != null) {
				server.close();
			}
		}
	}

	@Test
	@Order(1)
	void aPersonSignedInOnOneInstanceCarriesOnOnTheOtherAndSigningOutThereSignsThemOutOfBoth() throws Exception {
		String owner = world.withPassword(world.owner());
		String session = signIn(one, owner);
		HttpResponse<String> there = get(other, "/my-updates", session);
		assertThat(there.statusCode()).isEqualTo(200);
		assertThat(there.body()).contains("Sign out");

		HttpResponse<String> signedOut = post(other, "/sign-out", session, csrf(there.body()), Map.of());
		assertThat(signedOut.statusCode()).as(signedOut.headers() + signedOut.body()).isEqualTo(302);
		HttpResponse<String> back = get(one, "/my-updates", session);
		assertThat(back.statusCode()).isEqualTo(302);
		assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
	}

	@Test
	@Order(2)
	void everyKindOfPublicPageIsMadeFromTheReplicaWhichNoneWritesTo() throws Exception {
		String plan = "/plans/" + world.plan().id();
		for (String address : List.of("/", "/partnerships", "/plans", plan, plan + "/on-a-page", plan + "/dashboard", plan + "/report",
				plan + "/measures-report", plan + "/committee-reports", "/measures", "/measures/" + world.gap(), "/places", "/places/S92000003",
				"/national-outcomes", "/national-outcomes/poverty", "/search?q=nurture", "/open-data", "/api/plans", "/api-docs")) {
			HttpResponse<String> answer = get(other, address, null);
			assertThat(answer.statusCode()).as(address).isIn(200, 302);
		}
	}

	@Test
	@Order(3)
	void anApprovalOnOneInstanceReachesTheOthersPublicPageWithinTheBoundAndItsApproverAtOnce() throws Exception {
		long action = world.element("A1").id();
		String page = "/plans/" + world.plan().id() + "/elements/" + action;
		assertThat(get(other, page, null).body()).contains("Groups open in four schools.");

		String signedIn = signIn(other, world.withPassword(world.owner()));
		// while the replica replays nothing, the public on the other instance still reads it, until it is too far behind
		replay(false);
		try {
			approve(action, "Groups open in ten schools.");
			long approved = System.nanoTime();
			assertThat(get(other, page, null).body()).contains("Groups open in four schools.").doesNotContain("ten schools");
			// a signed-in person reads the primary: what has just been approved, on any instance
			assertThat(get(other, page, signedIn).body()).contains("Groups open in ten schools.");
			until(other, page, "Groups open in ten schools.");
			// past the bound, the public's reads go to the primary
			assertThat(Duration.ofNanos(System.nanoTime() - approved)).isLessThan(MAX_LAG.plusSeconds(1));
		}
		finally {
			replay(true);
		}

		// with the replica following, a change is there as soon as it has been replayed
		String another = "/plans/" + world.plan().id() + "/elements/" + world.element("A2").id();
		approve(world.element("A2").id(), "The first sessions ran.");
		assertThat(until(other, another, "The first sessions ran.")).isLessThan(MAX_LAG);
	}

	@Test
	@Order(4)
	void aReminderRunOnBothInstancesAtOnceSendsEachEmailOnce() throws Exception {
		world.period("Quarter 3", -5, 3, 10);
		CountDownLatch ready = new CountDownLatch(2);
		List<CompletableFuture<Void>> runs = new ArrayList<>();
		for (ConfigurableApplicationContext instance : List.of(one, other)) {
			Reminders reminders = instance.getBean(Reminders.class);
			Method daily = Reminders.class.getDeclaredMethod("daily");
			daily.setAccessible(true);
			runs.add(CompletableFuture.runAsync(() -> {
				ready.countDown();
				try {
					ready.await();
					daily.invoke(reminders);
				}
				catch (ReflectiveOperationException | InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();

		List<String> sent = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			sent.add(recipient(message) + " " + message.getSubject());
		}
		assertThat(sent).filteredOn((s) -> s.startsWith(world.lead() + "@")).singleElement().asString().contains("Quarter 3");
		assertThat(sent).doesNotHaveDuplicates();
		// the job ran under its lock, which the other instance found held
		assertThat(JdbcClient.create(primary.getPostgresDatabase()).sql("select count(*) from shedlock where name = 'reminders'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	@Order(5)
	void withTheReplicaStoppedThePublicReadsThePrimaryWithoutAnError() throws Exception {
		String page = "/plans/" + world.plan().id();
		assertThat(get(other, page, null).statusCode()).isEqualTo(200);
		replica.close();
		String action = "/plans/" + world.plan().id() + "/elements/" + world.element("A3").id();
		approve(world.element("A3").id(), "The holiday programme is booked.");
		for (String address : List.of(page, action, "/plans", "/", "/national-outcomes")) {
			assertThat(get(other, address, null).statusCode()).as(address).isEqualTo(200);
		}
		assertThat(get(other, action, null).body()).contains("The holiday programme is booked.");
		// the load balancer's health checks, on the management port only, still find the instance ready
		int management = Integer.parseInt(other.getEnvironment().getProperty("local.management.port"));
		HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + management + "/actuator/health/readiness")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(ready.body()).contains("\"UP\"");
		// and the whole health, which tells of the replica, is up too
		HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + management + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"UP\"");
		assertThat(get(other, "/actuator/health", null).statusCode()).isEqualTo(404);
	}

	private static void approve(long action, String note) {
		one.getBean(ProgressUpdates.class).recordApproved(action, world.open(), 60, Assessment.ON_TRACK, note, world.lead(), world.owner(),
				OffsetDateTime.now());
	}

	/** Pauses or resumes the replica's replay of the primary's changes. */
	private static void replay(boolean resume) throws SQLException {
		try (Connection connection = DriverManager.getConnection(replica.getJdbcUrl("postgres", "postgres"))) {
			connection.createStatement().execute(resume ? "select pg_wal_replay_resume()" : "select pg_wal_replay_pause()");
		}
	}

	/** How long until the public page on the instance says the words; fails after five seconds. */
	private static Duration until(ConfigurableApplicationContext instance, String address, String words) throws Exception {
		long start = System.nanoTime();
		while (!get(instance, address, null).body().contains(words)) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waiting for " + words).isLessThan(Duration.ofSeconds(5));
			Thread.sleep(50);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static URI address(ConfigurableApplicationContext instance, String path) {
		return URI.create("http://localhost:" + instance.getEnvironment().getProperty("local.server.port") + path);
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(address(instance, path)).header("Accept", "text/html,*/*;q=0.8");
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String session, String csrf,
			Map<String, String> fields) throws Exception {
		StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf));
		fields.forEach((name, value) -> form.append('&').append(name).append('=').append(encode(value)));
		HttpRequest.Builder request = HttpRequest.newBuilder(address(instance, path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()));
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Signs in on the instance as a person would, and answers the session it is signed in under. */
	private static String signIn(ConfigurableApplicationContext instance, String username) throws Exception {
		HttpResponse<String> form = get(instance, "/sign-in", null);
		String session = session(form);
		HttpResponse<String> signedIn = post(instance, "/sign-in", session, csrf(form.body()),
				Map.of("username", username, "password", Fixtures.PASSWORD));
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/my-updates");
		return session(signedIn);
	}

	private static String session(HttpResponse<String> response) {
		return response.headers().allValues("Set-Cookie").stream()
			.map((cookie) -> Pattern.compile("^SESSION=([^;]+)").matcher(cookie))
			.filter(Matcher::find)
			.map((found) -> found.group(1))
			.reduce((first, last) -> last)
			.orElseThrow(() -> new AssertionError("No session cookie in " + response.headers()));
	}

	private static String csrf(String page) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("a form token on the page").isTrue();
		return token.group(1);
	}

}
