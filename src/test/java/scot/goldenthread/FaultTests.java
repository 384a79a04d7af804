package scot.goldenthread;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults as they happen, not mocked: the application runs as a process of its own on a real PostgreSQL
 * server process that this test starts, and each is killed with SIGKILL in the middle of a change. Whatever
 * was acknowledged is there afterwards, nothing half-written ever is, an interrupted import runs again, and
 * with the database gone a person is told so (503) and the application carries on when it is back.
 * Each change is held mid-transaction by a lock this test takes, so that the kill lands where it must.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class FaultTests {

	static final Path WORK = Path.of("target/fault-tests").toAbsolutePath();

	static final String TOKEN = "gt_fault-test-" + UUID.randomUUID();

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	int databasePort;

	EmbeddedPostgres database;

	JdbcClient jdbc;

	int appPort;

	Process app;

	@BeforeAll
	void start() throws Exception {
		this.databasePort = TestSocketUtils.findAvailableTcpPort();
		org.springframework.util.FileSystemUtils.deleteRecursively(WORK.resolve("postgres"));
		this.database = startDatabase();
		startApplication();
		// an administrator's token for the API, as /account would make it
		this.jdbc.sql("""
				insert into access_token (account_id, name, token_hash, hint)
				select id, 'fault tests', ?, 'gt_fault' from account where username = 'admin'""").param(sha256(TOKEN)).update();
	}

	@AfterAll
	void stop() throws IOException {
		if (this.app != null) {
			this.app.destroyForcibly();
		}
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void killedDuringAMillionRowImportTheApplicationLeavesNothingHalfWrittenAndTheImportRunsAgain() throws Exception {
		Path file = millionRows();
		try (Connection lock = heldLock("observation")) {
			CompletableFuture<HttpResponse<String>> upload = this.http.sendAsync(upload("/api/observations/import", file, "text/csv"),
					HttpResponse.BodyHandlers.ofString());
			// read, checked and staged: the merge into the observation table waits for the lock
			await(() -> waitingOnALock("observation") || upload.isDone(), Duration.ofMinutes(3));
			assertThat(upload).as(() -> "answered before the merge: " + upload.join().body()).isNotDone();
			killApplication();
			assertThat(upload).failsWithin(Duration.ofSeconds(10));
		}
		assertThat(count("select count(*) from observation o join measure m on m.id = o.measure_id where m.code = 'FAULT-01'")).isZero();
		startApplication();
		HttpResponse<String> again = this.http.send(upload("/api/observations/import", file, "text/csv"), HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(again.body()).contains("\"inserted\":1000000");
		assertThat(count("select count(*) from observation o join measure m on m.id = o.measure_id where m.code = 'FAULT-01'"))
			.isEqualTo(1_000_000);
	}

	@Test
	void killedDuringAPlanImportTheApplicationLeavesNoPartOfThePlan() throws Exception {
		Path plan = WORK.resolve("plan.yaml");
		Files.writeString(plan, """
				format: golden-thread/plan@1
				plan: {code: FAULT-PLAN, title: Fault plan, type: strategy, start: 2025-04-01, end: 2026-03-31, status: approved}
				elements:
				- {code: O1, kind: outcome, title: An outcome, children: [{code: A1, kind: action, title: An action}]}
				""");
		try (Connection lock = heldLock("plan_element")) {
			this.http.sendAsync(upload("/api/plans/import", plan, "application/yaml"), HttpResponse.BodyHandlers.ofString());
			await(() -> waitingOnALock("plan_element"), Duration.ofSeconds(60));
			killApplication();
		}
		assertThat(count("select count(*) from plan where code = 'FAULT-PLAN'")).isZero();
		startApplication();
		assertThat(this.http.send(upload("/api/plans/import", plan, "application/yaml"), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(201);
		assertThat(count("select count(*) from plan_element e join plan p on p.id = e.plan_id where p.code = 'FAULT-PLAN'")).isEqualTo(2);
	}

	@Test
	void anApprovalAcknowledgedIsThereAfterTheApplicationIsKilledAtOnce() throws Exception {
		long[] actionAndPeriod = openPeriodAction();
		HttpResponse<String> saved = send("PUT", "/api/actions/" + actionAndPeriod[0] + "/updates/" + actionAndPeriod[1],
				"{\"progress\": 70, \"note\": \"Acknowledged before the crash.\", \"submit\": true}");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		long update = Long.parseLong(saved.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
		HttpResponse<String> approved = send("POST", "/api/updates/" + update + "/approve", "{\"version\": 0}");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		killApplication();
		startApplication();
		assertThat(send("GET", "/api/actions/" + actionAndPeriod[0] + "/updates", null).body())
			.contains("\"state\":\"approved\"", "Acknowledged before the crash.");
	}

	@Test
	void withTheDatabaseKilledAPersonIsToldAndNothingIsHalfWrittenAndTheApplicationCarriesOnWhenItIsBack() throws Exception {
		long[] actionAndPeriod = openPeriodAction();
		Path values = thousandRows();
		CompletableFuture<HttpResponse<String>> save;
		CompletableFuture<HttpResponse<String>> upload;
		try (Connection saveLock = heldLock("period_update"); Connection importLock = heldLock("observation")) {
			save = this.http.sendAsync(request("PUT", "/api/actions/" + actionAndPeriod[0] + "/updates/" + actionAndPeriod[1],
					"{\"progress\": 55, \"note\": \"Saved as the database died.\"}"), HttpResponse.BodyHandlers.ofString());
			upload = this.http.sendAsync(upload("/api/observations/import", values, "text/csv"), HttpResponse.BodyHandlers.ofString());
			await(() -> waitingOnALock("period_update") && waitingOnALock("observation"), Duration.ofSeconds(60));
			killDatabase();
		}
		for (HttpResponse<String> refused : List.of(save.get(), upload.get())) {
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
			assertThat(refused.body()).contains("The database did not answer, so nothing was changed.");
		}
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(uri("/plans")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("The service cannot reach its database");

		this.database = startDatabase();
		await(() -> send("GET", "/api/plans", null).statusCode() == 200, Duration.ofSeconds(60));
		assertThat(count("select count(*) from period_update where note = 'Saved as the database died.'")).isZero();
		assertThat(count("select count(*) from observation o join measure m on m.id = o.measure_id where m.code = 'FAULT-02'")).isZero();
		HttpResponse<String> imported = this.http.send(upload("/api/observations/import", values, "text/csv"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(imported.body()).contains("\"inserted\":1000");
		HttpResponse<String> saved = send("PUT", "/api/actions/" + actionAndPeriod[0] + "/updates/" + actionAndPeriod[1],
				"{\"progress\": 55, \"note\": \"Saved once it was back.\"}");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
	}

	/** A PostgreSQL server process with its data directory under target/, on the same port each time. */
	EmbeddedPostgres startDatabase() throws IOException {
		EmbeddedPostgres started = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("postgres")).setCleanDataDirectory(false)
			.setPort(this.databasePort).start();
		this.jdbc = JdbcClient.create(started.getPostgresDatabase());
		return started;
	}

	/** SIGKILL to the server and each of its processes, as a crash or the kernel's out-of-memory killer would. */
	void killDatabase() throws IOException, InterruptedException {
		long postmaster = Long.parseLong(Files.readAllLines(WORK.resolve("postgres/postmaster.pid")).get(0).strip());
		ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
		server.descendants().forEach(ProcessHandle::destroyForcibly);
		server.destroyForcibly();
		await(() -> !server.isAlive(), Duration.ofSeconds(30));
		try {
			// lets go of its hold on the data directory; it finds no server to stop
			this.database.close();
		}
		catch (IOException alreadyGone) {
			// as expected
		}
	}

	void startApplication() throws IOException, InterruptedException {
		this.appPort = TestSocketUtils.findAvailableTcpPort();
		Files.createDirectories(WORK);
		this.app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-cp",
				System.getProperty("java.class.path"), GoldenThreadApplication.class.getName(),
				"--spring.datasource.url=jdbc:postgresql://localhost:" + this.databasePort + "/postgres",
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres", "--server.port=" + this.appPort,
				"--spring.datasource.hikari.connection-timeout=3000")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(WORK.resolve("application.log").toFile()))
			.start();
		// read as the public, since the test's token is made once the application has made its tables
		await(() -> this.http.send(HttpRequest.newBuilder(uri("/api/plans")).build(), HttpResponse.BodyHandlers.ofString()).body()
			.contains("PPL-2022-23"), Duration.ofMinutes(2));
	}

	/** SIGKILL: no shutdown hook, no rollback sent, connections cut as they are. */
	void killApplication() throws InterruptedException {
		this.app.destroyForcibly().waitFor();
	}

	/** A connection of this test's that holds a lock on the table until it is closed, so that a change waits for it. */
	Connection heldLock(String table) throws SQLException {
		Connection connection = this.database.getPostgresDatabase().getConnection();
		connection.setAutoCommit(false);
		try (Statement lock = connection.createStatement()) {
			lock.execute("lock table " + table + " in share row exclusive mode");
		}
		return connection;
	}

	boolean waitingOnALock(String query) {
		return count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%" + query + "%'") > 0;
	}

	/** An action of the People Business Plan and its open period, with no update yet. */
	long[] openPeriodAction() {
		return this.jdbc.sql("""
				select e.id, r.id from plan_element e join plan p on p.id = e.plan_id join reporting_period r on r.plan_id = p.id
				where p.code = 'PPL-2022-23' and e.kind = 'action' and r.closed_at is null
				and not exists (select 1 from period_update u where u.element_id = e.id and u.period_id = r.id)
				order by e.id limit 1""")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
	}

	/** 1,000 data zones x 50 financial years x 20 age bands of a measure of its own. */
	Path millionRows() throws IOException {
		this.jdbc.sql("""
				insert into measure (code, title, polarity, unit, period_type, dimensions)
				values ('FAULT-01', 'A measure by age band', 'higher-is-better', 'percentage', 'financial-year', '{Age}')""").update();
		this.jdbc.sql("""
				insert into geography (code, name, level)
				select 'S01' || lpad(n::text, 6, '0'), 'Data zone ' || n, 'data-zone' from generate_series(1, 1000) n
				on conflict do nothing""").update();
		Path file = WORK.resolve("million.csv");
		try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("measure,period,geography,Age,value\n");
			for (int year = 1975; year < 2025; year++) {
				String period = year + "/" + String.format("%02d", (year + 1) % 100);
				for (int zone = 1; zone <= 1000; zone++) {
					for (int band = 0; band < 20; band++) {
						out.write("FAULT-01," + period + ",S01" + String.format("%06d", zone) + ",band " + band + "," + ((year + zone + band) % 100)
								+ "\n");
					}
				}
			}
		}
		return file;
	}

	/** A thousand months of a measure of its own for Scotland. */
	Path thousandRows() throws IOException {
		this.jdbc.sql("""
				insert into measure (code, title, polarity, unit, period_type)
				values ('FAULT-02', 'A measure by month', 'higher-is-better', 'count', 'month')""").update();
		Path file = WORK.resolve("thousand.csv");
		try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("measure,period,geography,value\n");
			for (int month = 0; month < 1000; month++) {
				out.write("FAULT-02," + YearMonth.of(1950, 1).plusMonths(month) + ",S92000003," + month + "\n");
			}
		}
		return file;
	}

	long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	HttpRequest upload(String path, Path file, String type) throws IOException {
		String boundary = "fault-test-" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head), HttpRequest.BodyPublishers.ofFile(file),
					HttpRequest.BodyPublishers.ofByteArray(tail)))
			.timeout(Duration.ofMinutes(5))
			.build();
	}

	HttpRequest request(String method, String path, String json) {
		return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
			.header("Accept", "application/json, text/html")
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofMinutes(1))
			.build();
	}

	HttpResponse<String> send(String method, String path, String json) {
		try {
			return this.http.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.appPort + path);
	}

	/** Waits, bounded, for what must come true; a request refused while the application starts counts as not yet. */
	interface Condition {

		boolean holds() throws Exception;

	}

	static void await(Condition condition, Duration atMost) throws InterruptedException {
		Instant until = Instant.now().plus(atMost);
		while (Instant.now().isBefore(until)) {
			try {
				if (condition.holds()) {
					return;
				}
			}
			catch (InterruptedException ex) {
				throw ex;
			}
			catch (Exception notYet) {
				// not answering yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("Not so within " + atMost);
	}

	static String sha256(String text) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
