package scot.goldenthread.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scot.goldenthread.GoldenThreadApplication;
import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.audit.AuditLog;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A backup taken while people change things is of one moment, and restored into a new data directory
 * it gives back every plan, value, update, report and audit event, through the application as well as
 * row by row; a damaged backup or a database already in use is refused and left as it was.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BackupTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	ObjectMapper json;

	@TempDir
	Path work;

	@Autowired
	Fixtures fixtures;

	@Test
	void onlyAnAdministratorTakesABackup() throws Exception {
		Fixtures.World world = this.fixtures.world();
		this.mvc.perform(get("/api/admin/backup")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/admin/backup").with(SignedIn.as(this.users, world.viewer()))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/admin/backup").with(SignedIn.as(this.users, world.owner()))).andExpect(status().isForbidden());
	}

	@Test
	void aBackupTakenWhileTheServiceRunsRestoresEverythingIntoANewDataDirectory() throws Exception {
		Fixtures.World world = this.fixtures.world();
		String administrator = world.administrator();
		// someone keeps changing things while the backup is taken
		AtomicBoolean backingUp = new AtomicBoolean(true);
		CompletableFuture<Integer> changes = CompletableFuture.supplyAsync(() -> {
			int made = 0;
			while (backingUp.get()) {
				this.jdbc.sql("insert into audit_event (actor, action, entity_type, entity_id, summary) values ('someone', 'update', 'test', ?, 'A change during the backup')")
					.param(String.valueOf(made++))
					.update();
			}
			return made;
		});
		Path backup = this.work.resolve("backup.zip");
		try {
			MvcResult started = this.mvc.perform(get("/api/admin/backup").with(SignedIn.as(this.users, administrator)))
				.andExpect(request().asyncStarted())
				.andReturn();
			byte[] zip = this.mvc.perform(asyncDispatch(started))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/zip"))
				.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.matchesRegex("attachment; filename=\"golden-thread-backup-.*\\.zip\"")))
				.andExpect(header().string("Cache-Control", "no-store"))
				.andReturn().getResponse().getContentAsByteArray();
			Files.write(backup, zip);
		}
		finally {
			backingUp.set(false);
		}
		assertThat(changes.get()).as("changes made during the backup").isPositive();
		Backup manifest = manifest(backup);
		assertThat(manifest.takenBy()).isEqualTo(administrator);
		assertThat(this.jdbc.sql("select count(*) from audit_event where entity_type = 'backup' and actor = ?").param(administrator).query(Long.class).single())
			.isPositive();

		try (ConfigurableApplicationContext restored = start(this.work.resolve("data"), backup)) {
			JdbcClient restoredJdbc = JdbcClient.create(restored.getBean(DataSource.class));
			Map<String, List<String>> tables;
			try (Connection connection = this.dataSource.getConnection()) {
				tables = Backups.tables(connection);
			}
			assertThat(tables).containsKeys("plan", "plan_element", "observation", "period_update", "audit_event",
					"committee_report", "account");
			for (Backup.Table table : manifest.tables()) {
				if (table.name().equals("audit_event")) {
					// and the restore's own record
					assertThat(count(restoredJdbc, table.name())).isEqualTo(table.rows() + 1);
					continue;
				}
				assertThat(count(restoredJdbc, table.name())).as(table.name()).isEqualTo(table.rows());
				assertThat(fingerprint(restoredJdbc, table.name(), "true")).as(table.name())
					.isEqualTo(fingerprint(this.jdbc, table.name(), "true"));
			}
			// the audit trail up to the moment of the backup, and the restore recorded after it
			long lastBackedUp = restoredJdbc.sql("select max(id) from audit_event where entity_type <> 'backup' or actor <> 'system'")
				.query(Long.class).single();
			assertThat(fingerprint(restoredJdbc, "audit_event", "id <= " + lastBackedUp))
				.isEqualTo(fingerprint(this.jdbc, "audit_event", "id <= " + lastBackedUp));
			assertThat(restoredJdbc.sql("select summary from audit_event where id > ?").param(lastBackedUp).query(String.class).single())
				.startsWith("Restored the backup taken at " + manifest.takenAt() + " by " + administrator + ": ");

			// the changes went on after the moment the backup is of, and did not stop it
			String duringTheBackup = "select count(*) from audit_event where summary = 'A change during the backup'";
			assertThat(restoredJdbc.sql(duringTheBackup).query(Long.class).single())
				.isLessThan(this.jdbc.sql(duringTheBackup).query(Long.class).single());

			// what people see is the same, and new things get ids of their own
			String port = restored.getEnvironment().getProperty("local.server.port");
			for (String path : List.of("/api/plans", "/api/plans/" + world.plan().id(), "/api/measures/" + world.gap() + "/observations",
					"/api/actions/" + world.element("A1").id() + "/updates")) {
				assertThat(read(port, path)).as(path)
					.isEqualTo(this.mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
			}
			restored.getBean(AuditLog.class).created("test", 1, "A change after the restore", null);
		}

		// started again with the same backup, the directory now in use is left as it is
		assertThatThrownBy(() -> start(this.work.resolve("data"), backup).close())
			.hasStackTraceContaining("The database already holds data, so the backup");
	}

	@Test
	void aDamagedBackupIsRefusedAndLeavesTheDatabaseAsEmptyAsItWas() throws Exception {
		Path whole = this.work.resolve("whole.zip");
		try (OutputStream out = Files.newOutputStream(whole)) {
			new Backups(this.dataSource, this.audit, this.json, java.time.Clock.systemUTC()).write(out);
		}
		byte[] bytes = Files.readAllBytes(whole);
		Path cut = this.work.resolve("cut.zip");
		Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
		assertThatThrownBy(() -> start(this.work.resolve("data"), cut).close())
			.hasStackTraceContaining("The file " + cut + " is not a whole zip file, so not a whole backup");
		assertThatThrownBy(() -> start(this.work.resolve("data"), this.work.resolve("no-such.zip")).close())
			.hasStackTraceContaining("There is no backup file at");

		// a plan's rows miscounted, found only once the schema is built and the rows loaded
		Backup manifest = manifest(whole);
		Path miscounted = this.work.resolve("miscounted.zip");
		try (ZipFile in = new ZipFile(whole.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(miscounted))) {
			for (ZipEntry entry : Collections.list(in.entries())) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals(Backup.MANIFEST)) {
					out.write(this.json.writeValueAsBytes(new Backup(manifest.format(), manifest.schemaVersion(), manifest.takenAt(),
							manifest.takenBy(), manifest.tables().stream()
								.map((t) -> t.name().equals("plan") ? new Backup.Table(t.name(), t.columns(), t.rows() + 1) : t)
								.toList())));
				}
				else {
					in.getInputStream(entry).transferTo(out);
				}
			}
		}
		assertThatThrownBy(() -> start(this.work.resolve("data"), miscounted).close())
			.hasStackTraceContaining("The backup's tables/plan.csv has " + count(this.jdbc, "plan") + " rows where its manifest says "
					+ (count(this.jdbc, "plan") + 1) + ": it is damaged.");

		// nothing of it was kept, so the whole backup goes into the same directory
		try (ConfigurableApplicationContext restored = start(this.work.resolve("data"), whole)) {
			assertThat(count(JdbcClient.create(restored.getBean(DataSource.class)), "plan")).isEqualTo(count(this.jdbc, "plan"));
		}
	}

	private ConfigurableApplicationContext start(Path dataDir, Path backup) {
		return new SpringApplicationBuilder(GoldenThreadApplication.class).run("--goldenthread.data-dir=" + dataDir,
				"--goldenthread.restore-from=" + backup, "--server.port=0", "--spring.main.banner-mode=off");
	}

	private Backup manifest(Path backup) throws IOException {
		try (ZipFile zip = new ZipFile(backup.toFile())) {
			ZipEntry entry = zip.getEntry(Backup.MANIFEST);
			try (InputStream in = zip.getInputStream(entry)) {
				return this.json.readValue(in, Backup.class);
			}
		}
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + Backup.quoted(table)).query(Long.class).single();
	}

	/** Every row of the table as PostgreSQL prints it, in one hash. */
	private static String fingerprint(JdbcClient jdbc, String table, String where) {
		return jdbc.sql("select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) from " + Backup.quoted(table) + " t where "
				+ where).query(String.class).single();
	}

	private static String read(String port, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}
