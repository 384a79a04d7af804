package scot.goldenthread.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import scot.goldenthread.GoldenThreadApplication;
import scot.goldenthread.QueryCount;
import scot.goldenthread.measures.MeasureDefinitions;
import scot.goldenthread.measures.ObservationImporter;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.plans.PlanCatalogue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A national service (README, "Running at scale"): 32 partnerships, each with the demo's plans, measures and values
 * (grown by {@link DemoCopies} through the product's imports), and 50 data-zone measures for every data zone of Scotland
 * over twenty years, whose values are then broken down by age band and sex, a breakdown at a time, until there are 100
 * million values or the time given runs out ({@code -Dnational.minutes}, 10): the volume grows while what the pages show
 * stays the same. At the start and at each quarter of that time: 139,520 new values imported through the product, against
 * PostgreSQL's {@code COPY} of the same file into a plain table in the same run, and the same file again; pages made
 * afresh and kept, with a static file beside them. At the end: requests a second on the public pages with one instance
 * and with two on the same machine and database, each against the static file served by the same servers in the same
 * run. Run with {@code mvn test -Pbenchmark -Dtest=NationalBenchmarks}; it asserts no times.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(QueryCount.Recording.class)
class NationalBenchmarks {

	static final long TARGET = 100_000_000L;

	static final int YEARS = 20;

	/** The data-zone measures: 7 million values in totals, then as many again with each breakdown. */
	static final int MEASURES = 50;

	static final int CLIENTS = 16;

	static final String FORMAT = "format: golden-thread/measures@1\nmeasures:\n";

	@LocalServerPort
	int port;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	MeasureDefinitions definitions;

	@Autowired
	ObservationImporter values;

	@Autowired
	PartnershipDirectory directory;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	/** The imports made so far. */
	private int imports;

	/** The values there are, counted once and then added up as they are added. */
	private long added;

	@Test
	void thirtyTwoPartnershipsAndAHundredMillionValues() throws Exception {
		String site = "http://localhost:" + this.port;
		int partnerships = Integer.getInteger("national.partnerships", 32);
		Duration budget = Duration.ofMinutes(Long.getLong("national.minutes", 10));
		System.out.printf("%nBENCHMARK national: %d partnerships, values towards %,d or for %d minutes, heap limit %d MB%n", partnerships,
				TARGET, budget.toMinutes(), Runtime.getRuntime().maxMemory() >> 20);
		DemoCopies copies = new DemoCopies(this.plans, this.definitions, this.values, this.jdbc, site, this.directory);
		long start = System.nanoTime();
		try {
			copies.growTo(partnerships);
		}
		finally {
			copies.close();
		}
		defineMeasures();
		this.jdbc.sql("analyze").update();
		this.added = this.jdbc.sql("select count(*) from observation").query(Long.class).single();
		System.out.printf("grown, with the data-zone measures' totals, in %.0f s: %s%n", (System.nanoTime() - start) / 1e9, DemoCopies.sizes(this.jdbc));
		measure(site);
		long generating = 0;
		for (int quarter = 1; quarter <= 4 && this.added < TARGET; quarter++) {
			long until = budget.toNanos() * quarter / 4;
			while (generating < until && this.added < TARGET && this.breakdowns < AGES.size() * 2) {
				long batch = System.nanoTime();
				addBreakdown();
				generating += System.nanoTime() - batch;
			}
			System.out.printf("%nafter %.1f minutes of adding values (%d breakdowns of every measure): %s%n", generating / 6e10,
					this.breakdowns, DemoCopies.sizes(this.jdbc));
			boolean last = quarter == 4 || this.added >= TARGET;
			if (last) {
				this.jdbc.sql("select pg_stat_reset()").query().singleValue();
			}
			measure(site);
			if (last) {
				printScans();
			}
		}
		throughput(site);
	}

	/** The age bands the values are broken down by, each for women and for men: 36 breakdowns of every measure. */
	static final List<String> AGES = List.of("0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
			"55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85+");

	private int breakdowns;

	/**
	 * The data-zone measures, defined through the product, with their totals for every data zone for twenty years made by
	 * PostgreSQL: {@link #MEASURES} of them, the same measures the pages show however many values follow.
	 */
	private void defineMeasures() {
		StringBuilder yaml = new StringBuilder(FORMAT);
		for (int i = 1; i <= MEASURES; i++) {
			yaml.append(definition("NAT-DZ-" + i, "Benchmark: a data-zone measure over twenty years"));
		}
		this.definitions.define(new ByteArrayInputStream(yaml.toString().getBytes(StandardCharsets.UTF_8)), "national.yaml");
		insertValues("");
	}

	/** One more breakdown of every data-zone measure's values (an age band of women or of men), made by PostgreSQL. */
	private void addBreakdown() {
		String age = AGES.get(this.breakdowns / 2);
		insertValues("Age=" + age + ";Sex=" + ((this.breakdowns % 2 == 0) ? "Female" : "Male"));
		this.breakdowns++;
	}

	private void insertValues(String breakdown) {
		this.added += this.jdbc.sql("""
				insert into observation (measure_id, period_start, geography, breakdown, value, numerator, denominator, recorded_by)
				select m.id, make_date(y, 1, 1), g.code, ?, n * 100.0 / 800, n, 800, 'benchmark'
				from measure m cross join generate_series(2025 - ?, 2024) y cross join geography g
				cross join lateral (select 40 + abs(hashtext(g.code || y || m.code || ?)) % 200 n) v
				where g.level = 'data-zone' and m.code like 'NAT-DZ-%'""")
			.params(breakdown, YEARS, breakdown)
			.update();
	}

	private static String definition(String code, String title) {
		return """
				- code: %s
				  title: "%s"
				  kind: population-indicator
				  unit: percentage
				  decimals: 1
				  polarity: lower-is-better
				  periodType: calendar-year
				  geographies: [data-zone]
				  dimensions: [Age, Sex]
				  source: "made up by NationalBenchmarks"
				""".formatted(code, title);
	}

	/**
	 * How the values table was read since the statistics were reset: a scan of a whole partition where an index should
	 * have served shows here, whatever statement did it.
	 */
	private void printScans() throws InterruptedException {
		// PostgreSQL's counters reach the views a moment after each transaction
		Thread.sleep(2_000);
		System.out.println(this.jdbc.sql("""
				select '  the values table read since: ' || sum(seq_scan) || ' whole-partition scans reading ' || sum(seq_tup_read)
				    || ' rows; ' || sum(idx_scan) || ' index scans reading ' || sum(idx_tup_fetch) || ' rows'
				from pg_stat_user_tables where relname like 'observation\\_%'""").query(String.class).single());
		Map<String, Long> byIndex = new java.util.TreeMap<>();
		this.jdbc.sql("""
				select indexrelname, idx_scan from pg_stat_user_indexes where relname like 'observation\\_%' and idx_scan > 0""")
			.query((java.sql.ResultSet rs) -> {
				byIndex.merge(rs.getString(1).replaceAll("^observation_\\d+_", "").replaceAll("_idx\\d*$", ""), rs.getLong(2), Long::sum);
			});
		System.out.println("  index scans by index: " + byIndex);
	}

	/**
	 * An import at the volume reached, through the product, of 139,520 new values (a measure's totals for every data zone
	 * for twenty years, then each time another age band of it), and pages made afresh and kept.
	 */
	private void measure(String site) throws Exception {
		String code = "NAT-IMPORT";
		String band = "";
		if (this.imports++ == 0) {
			this.definitions.define(new ByteArrayInputStream((FORMAT + definition(code, "Benchmark: an imported data-zone measure"))
				.getBytes(StandardCharsets.UTF_8)), "import.yaml");
		}
		else {
			band = AGES.get(this.imports - 2);
		}
		StringBuilder csv = new StringBuilder("measure,period,geography,Age,value\n");
		List<String> zones = this.jdbc.sql("select code from geography where level = 'data-zone' order by code").query(String.class).list();
		for (int year = 2025 - YEARS; year <= 2024; year++) {
			for (String zone : zones) {
				csv.append(code).append(',').append(year).append(',').append(zone).append(',').append(band).append(',')
					.append(((zone + band).hashCode() & 0xff) / 4.0).append('\n');
			}
		}
		long start = System.nanoTime();
		ObservationImporter.Report report = this.values.importCsv(new StringReader(csv.toString()), code + ".csv", null, null,
				ObservationImporter.Mode.ALL_OR_NOTHING);
		double imported = (System.nanoTime() - start) / 1e9;
		assertThat(report.errorCount()).isZero();
		this.added += report.inserted();
		start = System.nanoTime();
		this.values.importCsv(new StringReader(csv.toString()), code + ".csv", null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
		double again = (System.nanoTime() - start) / 1e9;
		double copied;
		try (Connection connection = this.dataSource.getConnection()) {
			connection.createStatement().execute("create temporary table copy_baseline (measure text, period text, geography text, age text, value numeric)");
			start = System.nanoTime();
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy copy_baseline from stdin with (format csv, header true)",
					new StringReader(csv.toString()));
			copied = (System.nanoTime() - start) / 1e9;
			connection.createStatement().execute("drop table copy_baseline");
		}
		System.out.printf("  import of %,d values: %.2f s (%.2f of COPY into a plain table, %.2f s); the same file again %.2f s%n",
				report.inserted(), imported, copied / imported, copied, again);
		long plan = this.jdbc.sql("select min(id) from plan").query(Long.class).single();
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("the LOIP's plan page", "/plans/" + plan);
		pages.put("its dashboard", "/plans/" + plan + "/dashboard");
		pages.put("its progress report", "/plans/" + plan + "/report");
		pages.put("measures list", "/measures");
		pages.put("a data-zone measure's page", "/measures/NAT-DZ-1");
		pages.put("a locality's page", "/places/" + this.jdbc.sql("select min(code) from locality").query(String.class).single());
		pages.put("search \"poverty\"", "/search?q=poverty");
		pages.put("a static file", "/css/golden-thread.css");
		TimedPages timed = new TimedPages(this.jdbc);
		for (Map.Entry<String, String> page : pages.entrySet()) {
			TimedPages.Timing t = timed.time(site + page.getValue());
			System.out.printf("  %-28s afresh %7.1f ms, kept %6.1f ms, %3d statements%n", page.getKey(), t.afreshMs(), t.keptMs(), t.statements());
		}
	}

	/** Requests a second on the public pages, kept, with one instance and with two, against the static file. */
	private void throughput(String site) throws Exception {
		long plan = this.jdbc.sql("select min(id) from plan").query(Long.class).single();
		List<String> paths = List.of("/plans/" + plan, "/plans/" + plan + "/dashboard", "/measures/NAT-IMPORT");
		System.out.printf("%nrequests a second, %d clients, 10 s each after 3 s to warm up:%n", CLIENTS);
		report("one instance", List.of(site), paths);
		int second = TestSocketUtils.findAvailableTcpPort();
		Path log = Files.createTempFile("second-instance", ".log");
		Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
				System.getProperty("java.class.path"), GoldenThreadApplication.class.getName(),
				"--spring.datasource.url=" + this.postgres.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--server.port=" + second, "--management.server.port=0",
				"--goldenthread.measures.judge-after-start=false", "--goldenthread.open-data.make-ahead-every=PT24H")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			String otherSite = "http://localhost:" + second;
			HttpClient http = HttpClient.newHttpClient();
			long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			while (!answers(http, otherSite + "/css/golden-thread.css")) {
				assertThat(System.nanoTime()).as("the second instance started; see " + log).isLessThan(deadline);
				Thread.sleep(500);
			}
			report("two instances", List.of(site, otherSite), paths);
		}
		finally {
			other.destroy();
			other.waitFor(30, TimeUnit.SECONDS);
			Files.deleteIfExists(log);
		}
	}

	private static boolean answers(HttpClient http, String url) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	private static void report(String servers, List<String> sites, List<String> paths) throws Exception {
		double file = perSecond(sites, List.of("/css/golden-thread.css"));
		List<String> figures = new ArrayList<>();
		for (String path : paths) {
			double pages = perSecond(sites, List.of(path));
			figures.add(String.format("%s %,.0f (%.2f of the file)", path, pages, pages / file));
		}
		System.out.printf("  %s: a static file %,.0f; %s%n", servers, file, String.join("; ", figures));
	}

	/** Requests answered a second by {@link #CLIENTS} clients asking the sites in turn, for pages already made. */
	private static double perSecond(List<String> sites, List<String> paths) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<URI> urls = sites.stream().flatMap((site) -> paths.stream().map((path) -> URI.create(site + path))).toList();
		// each page made once first: sixteen clients asking for a page not yet kept would all make it at once
		for (URI url : urls) {
			http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding());
		}
		AtomicLong answered = new AtomicLong();
		Map<Integer, AtomicLong> failed = new ConcurrentHashMap<>();
		long warm = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		long end = warm + Duration.ofSeconds(10).toNanos();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		for (int c = 0; c < CLIENTS; c++) {
			int first = c;
			clients.submit(() -> {
				for (int i = first; System.nanoTime() < end; i++) {
					HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(urls.get(i % urls.size())).build(), HttpResponse.BodyHandlers.discarding());
					if (System.nanoTime() > warm) {
						(answer.statusCode() == 200 ? answered : failed.computeIfAbsent(answer.statusCode(), (status) -> new AtomicLong()))
							.incrementAndGet();
					}
				}
				return null;
			});
		}
		clients.shutdown();
		assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
		assertThat(failed).as("answers other than 200, by status, from " + urls).isEmpty();
		return answered.get() / 10.0;
	}


}
