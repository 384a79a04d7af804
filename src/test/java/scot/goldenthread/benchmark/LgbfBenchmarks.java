package scot.goldenthread.benchmark;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import scot.goldenthread.measures.ColumnMapping;
import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.MeasureJudge;
import scot.goldenthread.measures.ObservationImporter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published-statistics benchmarks (README, "Benchmarks"), on the demo's LGBF extract: loading it whole through the
 * column mapping against PostgreSQL's COPY of the same values into the observation table, and judging every LGBF
 * indicator for every council. Run with {@code mvn test -Pbenchmark}; never part of the test suite.
 */
@Tag("benchmark")
@SpringBootTest
class LgbfBenchmarks {

	static final String EXTRACT = "/demo/data/LGBF_ScotDataReal_ISSpatialHub.csv";

	/** The LGBF indicators' measures: those the demo defines from LGBF's own list. */
	static final String LGBF_MEASURES = "select id from measure where source like 'Local Government Benchmarking Framework, Improvement Service (real terms): %'";

	@Autowired
	ObservationImporter importer;

	@Autowired
	MeasureCatalogue catalogue;

	@Autowired
	MeasureJudge judge;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	ObservationImporter.Report load() throws Exception {
		try (Reader in = new InputStreamReader(getClass().getResourceAsStream(EXTRACT), StandardCharsets.UTF_8)) {
			return this.importer.importCsv(in, "LGBF_ScotDataReal_ISSpatialHub.csv", ColumnMapping.lgbf(null, null),
					ObservationImporter.Mode.ACCEPT_VALID);
		}
	}

	@Test
	void loadTheWholeLgbfExtractThroughItsMappingAgainstPostgresCopy() throws Exception {
		// the demo loaded it at start: its values go, to be loaded afresh
		this.jdbc.sql("delete from observation where measure_id in (" + LGBF_MEASURES + ")").update();
		this.jdbc.sql("vacuum observation").update();
		long start = System.nanoTime();
		ObservationImporter.Report report = load();
		double importSeconds = (System.nanoTime() - start) / 1e9;
		long values = report.inserted();
		assertThat(values).isGreaterThan(60_000);

		long againStart = System.nanoTime();
		assertThat(load().unchanged()).isEqualTo(values);
		double againSeconds = (System.nanoTime() - againStart) / 1e9;

		// baseline: the same values, as the observation table holds them, copied straight into it by PostgreSQL, rolled back
		StringWriter rows = new StringWriter();
		double copySeconds;
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			PGConnection pg = connection.unwrap(PGConnection.class);
			pg.getCopyAPI().copyOut("""
					copy (select measure_id, period_start, geography, breakdown, value, numerator, denominator, status, recorded_by
					from observation where measure_id in (%s)) to stdout with (format csv)""".formatted(LGBF_MEASURES), rows);
			connection.createStatement().execute("delete from observation where measure_id in (" + LGBF_MEASURES + ")");
			long copyStart = System.nanoTime();
			pg.getCopyAPI().copyIn("""
					copy observation (measure_id, period_start, geography, breakdown, value, numerator, denominator, status, recorded_by)
					from stdin with (format csv)""", new StringReader(rows.toString()));
			copySeconds = (System.nanoTime() - copyStart) / 1e9;
			connection.rollback();
		}
		System.out.printf("%nBENCHMARK the LGBF extract (35,467 rows, %,d values) through its column mapping (heap limit %,d MB)%n", values,
				Runtime.getRuntime().maxMemory() >> 20);
		System.out.printf("  PostgreSQL COPY of the same values into the observation table: %.2f s%n", copySeconds);
		System.out.printf("  the import:                          %.2f s, %.2f of COPY (%.1f times as long)%n", importSeconds,
				copySeconds / importSeconds, importSeconds / copySeconds);
		System.out.printf("  the same file again (all unchanged): %.2f s, %.2f of COPY%n", againSeconds, copySeconds / againSeconds);
	}

	@Test
	void judgeEveryLgbfIndicatorForEveryCouncil() {
		List<Long> ids = this.jdbc.sql(LGBF_MEASURES).query(Long.class).list();
		List<String> councils = this.jdbc.sql("select code from geography where level = 'council-area' and code like 'S12%' order by code")
			.query(String.class).list();
		List<Measure> asked = new ArrayList<>();
		this.catalogue.measures().stream().filter((m) -> ids.contains(m.id()))
			.forEach((m) -> councils.forEach((council) -> asked.add(m.in(council))));
		// as autovacuum keeps them, not as the demo's load just left them
		this.jdbc.sql("analyze").update();
		Instant now = Instant.now();
		LocalDate today = LocalDate.now();
		for (int warmUp = 0; warmUp < 3; warmUp++) {
			this.judge.assess(asked, now, today);
		}
		List<Long> millis = new ArrayList<>();
		List<MeasureJudge.Assessment> assessed = List.of();
		for (int run = 0; run < 5; run++) {
			long start = System.nanoTime();
			assessed = this.judge.assess(asked, now, today);
			millis.add((System.nanoTime() - start) / 1_000_000);
		}
		long ranked = assessed.stream().filter((a) -> a.ranking() != null).count();
		long withFamilyGroup = assessed.stream().filter((a) -> a.familyGroup() != null).count();
		long forecasts = assessed.stream().mapToLong((a) -> a.forecasts().size()).sum();
		millis.sort(Long::compare);
		System.out.printf("%nBENCHMARK judging %,d LGBF indicators x %d councils = %,d assessments (status, trends, Scotland, family group,"
				+ " rank, forecast): median %d ms, fastest %d ms, slowest %d ms; %,d ranked, %,d with a family group, %,d forecasts%n",
				ids.size(), councils.size(), asked.size(), millis.get(2), millis.get(0), millis.get(4), ranked, withFamilyGroup, forecasts);
	}

}
