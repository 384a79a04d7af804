package scot.goldenthread.benchmark;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import scot.goldenthread.QueryCount;
import scot.goldenthread.measures.MeasureDefinitions;
import scot.goldenthread.measures.ObservationImporter;
import scot.goldenthread.plans.PlanCatalogue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public pages, the API and open data at the demo's size, ten and fifty times it (README, "Benchmarks"), the
 * demo grown by {@link DemoCopies} through the product's imports. Each answer is timed made afresh (as after an
 * import and an approval) and kept, over real HTTP from the application's own server, with
 * the statements it sent; the whole values file against PostgreSQL's {@code COPY ... TO STDOUT} of the same rows in
 * the same run, with the heap's peak meanwhile. Run alone with
 * {@code mvn test -Pbenchmark -Dtest=ScaleBenchmarks} ({@code -Dscales=1,10} for fewer); it asserts no times.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(QueryCount.Recording.class)
class ScaleBenchmarks {

	@LocalServerPort
	int port;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	MeasureDefinitions definitions;

	@Autowired
	ObservationImporter values;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void pagesApiAndOpenDataAtOneTenAndFiftyTimesTheDemo() throws Exception {
		String site = "http://localhost:" + this.port;
		int[] scales = Arrays.stream(System.getProperty("scales", "1,10,50").split(",")).mapToInt(Integer::parseInt).toArray();
		long plan = this.jdbc.sql("select min(id) from plan").query(Long.class).single();
		String partnership = this.jdbc.sql("select p.code from partnership p join plan on plan.partnership_id = p.id where plan.id = ?")
			.param(plan).query(String.class).single();
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("measures list", "/measures");
		pages.put("measures API (a page of 100)", "/api/measures");
		pages.put("measures' definitions (open data)", "/open-data/measures.yaml");
		pages.put("search \"partnership\"", "/search?q=partnership");
		pages.put("a data-zone measure's page", "/measures/SIMD-INCOME");
		pages.put("its data-zone values, page 2", "/measures/SIMD-INCOME/values?level=data-zone&page=2");
		pages.put("the LOIP's plan page", "/plans/" + plan);
		pages.put("its dashboard", "/plans/" + plan + "/dashboard");
		pages.put("its plan on a page", "/plans/" + plan + "/on-a-page");
		pages.put("its progress report", "/plans/" + plan + "/report");
		pages.put("its plan in the API", "/api/plans/" + plan);
		pages.put("its partnership's page", "/partnerships/" + partnership);
		DemoCopies copies = new DemoCopies(this.plans, this.definitions, this.values, this.jdbc, site);
		TimedPages timed = new TimedPages(this.jdbc);
		StringBuilder report = new StringBuilder("\nBENCHMARK the public pages at " + Arrays.toString(scales) + " times the demo (heap limit "
				+ (Runtime.getRuntime().maxMemory() >> 20) + " MB); medians of " + TimedPages.RUNS + " runs after one to warm up\n");
		try {
			for (int scale : scales) {
				long start = System.nanoTime();
				copies.growTo(scale);
				this.jdbc.sql("analyze").update();
				report.append(String.format("%n%dx: %s, grown in %.0f s%n", scale, DemoCopies.sizes(this.jdbc), (System.nanoTime() - start) / 1e9));
				for (Map.Entry<String, String> page : pages.entrySet()) {
					TimedPages.Timing t = timed.time(site + page.getValue());
					report.append(String.format("  %-38s afresh %7.1f ms, kept %6.1f ms, %4d statements, %,11d bytes%n", page.getKey(),
							t.afreshMs(), t.keptMs(), t.statements(), t.bytes()));
				}
				// every measure judged again: the first list after a start, at midnight or after the places change
				this.jdbc.sql("update measure_version set version = nextval('table_version_seq')").update();
				long[] cold = timed.fetch(site + "/measures", true);
				report.append(String.format("  %-38s afresh %7.1f ms,                %4d statements%n", "measures list, every measure judged",
						cold[0] / 1e6, cold[2]));
				report.append(openData(site));
			}
		}
		finally {
			copies.close();
		}
		System.out.println(report);
	}

	/**
	 * Every published value as CSV, against COPY of the same rows, with the heap's peak: twice, made (the first download
	 * after a change, which has PostgreSQL write the kept file) and as the file then kept.
	 */
	private String openData(String site) throws Exception {
		String copy = """
				copy (select m.code, o.period_start, o.geography, o.breakdown, o.value, o.status, o.note
				from observation o join measure m on m.id = o.measure_id where m.public and o.to_confirm is null
				order by m.code, o.period_start, o.geography, o.breakdown) to stdout with (format csv)""";
		double copySeconds = Double.MAX_VALUE;
		long copied = 0;
		for (int run = 0; run < 2; run++) {
			long start = System.nanoTime();
			try (Connection connection = this.dataSource.getConnection(); Counting out = new Counting()) {
				connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, out);
				copied = out.bytes;
			}
			copySeconds = Math.min(copySeconds, (System.nanoTime() - start) / 1e9);
		}
		this.jdbc.sql("update table_version set version = nextval('table_version_seq') where table_name = 'observation'").update();
		StringBuilder report = new StringBuilder(String.format("  %-38s COPY TO STDOUT of the same rows %.2f s for %,d bytes%n",
				"every value as CSV (open data)", copySeconds, copied));
		for (String download : List.of("made after a change", "the kept file")) {
			System.gc();
			List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter((pool) -> pool.getType() == MemoryType.HEAP).toList();
			heap.forEach(MemoryPoolMXBean::resetPeakUsage);
			long start = System.nanoTime();
			HttpResponse<java.io.InputStream> answer = this.http.send(HttpRequest.newBuilder(URI.create(site + "/open-data/observations.csv")).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			long downloaded;
			try (java.io.InputStream body = answer.body(); Counting out = new Counting()) {
				body.transferTo(out);
				downloaded = out.bytes;
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			report.append(String.format("    %-36s %.2f s for %,d bytes: %.2f of COPY; heap peak %d MB%n", download, seconds, downloaded,
					copySeconds / seconds, heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum() >> 20));
		}
		return report.toString();
	}

	/** Counts what is written and keeps none of it. */
	private static final class Counting extends OutputStream {

		long bytes;

		@Override
		public void write(int b) {
			this.bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.bytes += len;
		}

	}

}
