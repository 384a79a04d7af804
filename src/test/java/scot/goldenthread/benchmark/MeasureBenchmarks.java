package scot.goldenthread.benchmark;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import scot.goldenthread.measures.ObservationImporter;
import scot.goldenthread.measures.Period;
import scot.goldenthread.measures.PeriodType;
import scot.goldenthread.measures.Polarity;
import scot.goldenthread.measures.StatusEngine;
import scot.goldenthread.measures.Tolerance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measures' benchmarks (README, "Benchmarks"): each figure is reported with a baseline measured in
 * the same run. Run with {@code mvn test -Pbenchmark}; never part of the test suite.
 */
@Tag("benchmark")
@SpringBootTest
class MeasureBenchmarks {

	static final int GEOGRAPHIES = 1000;

	static final int PERIODS = 50;

	static final int BREAKDOWNS = 20;

	@Autowired
	ObservationImporter importer;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	/** A million rows of one measure of its own: 1,000 data zones x 50 financial years x 20 age bands. */
	@Test
	void importAMillionRowsAgainstPostgresCopy() throws Exception {
		this.jdbc.sql("""
				insert into measure (code, title, polarity, unit, period_type, dimensions)
				values ('BENCHMARK-01', 'A measure by age band', 'higher-is-better', 'percentage', 'financial-year', '{Age}')
				on conflict do nothing""").update();
		this.jdbc.sql("""
				insert into geography (code, name, level)
				select 'S01' || lpad(n::text, 6, '0'), 'Data zone ' || n, 'data-zone' from generate_series(1, ?) n
				on conflict do nothing""").param(GEOGRAPHIES).update();
		long measureId = this.jdbc.sql("select id from measure where code = 'BENCHMARK-01'").query(Long.class).single();
		// the file to import, and the same rows as the observation table holds them for the second baseline
		Path file = Files.createTempFile("observations", ".csv");
		Path stored = Files.createTempFile("observations-stored", ".csv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				BufferedWriter storedOut = Files.newBufferedWriter(stored, StandardCharsets.UTF_8)) {
			out.write("measure,period,geography,Age,value\n");
			Period period = Period.parse("1975/76", PeriodType.FINANCIAL_YEAR);
			for (int p = 0; p < PERIODS; p++, period = period.next()) {
				for (int g = 1; g <= GEOGRAPHIES; g++) {
					for (int b = 0; b < BREAKDOWNS; b++) {
						String geography = "S01" + String.format("%06d", g);
						double value = ((p * 7 + g * 3 + b) % 1000) / 10.0;
						out.write("BENCHMARK-01," + period.code() + "," + geography + ",band " + b + "," + value + "\n");
						storedOut.write(measureId + "," + period.start() + "," + geography + ",Age=band " + b + "," + value + ",final,benchmark\n");
					}
				}
			}
		}
		long rows = (long) GEOGRAPHIES * PERIODS * BREAKDOWNS;

		// baseline: PostgreSQL's own COPY of the same rows into a plain table on the same database
		this.jdbc.sql("create table if not exists copy_baseline (measure text, period text, geography text, age text, value numeric)").update();
		long copyStart = System.nanoTime();
		try (Connection connection = this.dataSource.getConnection(); BufferedReader in = Files.newBufferedReader(file)) {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy copy_baseline from stdin with (format csv, header true)", in);
		}
		double copySeconds = (System.nanoTime() - copyStart) / 1e9;

		// the ceiling for any importer: COPY of the same rows straight into the observation table, with its
		// unique key and foreign keys, rolled back
		double ceilingSeconds;
		try (Connection connection = this.dataSource.getConnection(); BufferedReader in = Files.newBufferedReader(stored)) {
			connection.setAutoCommit(false);
			long ceilingStart = System.nanoTime();
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
					copy observation (measure_id, period_start, geography, breakdown, value, status, recorded_by)
					from stdin with (format csv)""", in);
			ceilingSeconds = (System.nanoTime() - ceilingStart) / 1e9;
			connection.rollback();
		}
		// so that the import does not meet the rolled-back rows
		this.jdbc.sql("vacuum observation").update();

		long importStart = System.nanoTime();
		ObservationImporter.Report report;
		try (BufferedReader in = Files.newBufferedReader(file)) {
			report = this.importer.importCsv(in, file.getFileName().toString(), null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
		}
		double importSeconds = (System.nanoTime() - importStart) / 1e9;
		assertThat(report.inserted()).isEqualTo(rows);

		long againStart = System.nanoTime();
		try (BufferedReader in = Files.newBufferedReader(file)) {
			report = this.importer.importCsv(in, file.getFileName().toString(), null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
		}
		double againSeconds = (System.nanoTime() - againStart) / 1e9;
		assertThat(report.unchanged()).isEqualTo(rows);
		Files.delete(file);
		Files.delete(stored);

		System.out.printf("%nBENCHMARK import of %,d rows (heap limit %,d MB)%n", rows, Runtime.getRuntime().maxMemory() >> 20);
		System.out.printf("  PostgreSQL COPY into a plain table: %.2f s, %,.0f rows/s%n", copySeconds, rows / copySeconds);
		System.out.printf("  PostgreSQL COPY into the observation table: %.2f s, %.2f of COPY into a plain table%n", ceilingSeconds,
				copySeconds / ceilingSeconds);
		System.out.printf("  Golden Thread import:               %.2f s, %,.0f rows/s, %.2f of COPY, %.2f of COPY into observation%n",
				importSeconds, rows / importSeconds, copySeconds / importSeconds, ceilingSeconds / importSeconds);
		System.out.printf("  the same file again (all unchanged): %.2f s, %.2f of COPY%n", againSeconds, copySeconds / againSeconds);
	}

	/** Status and both trends for 10,000 measures of 20 periods each, with a target and trajectory. */
	@Test
	void statusAndTrendForTenThousandMeasures() {
		List<List<StatusEngine.Point>> measures = new ArrayList<>();
		Period first = Period.parse("2005/06", PeriodType.FINANCIAL_YEAR);
		for (int m = 0; m < 10_000; m++) {
			List<StatusEngine.Point> series = new ArrayList<>();
			Period period = first;
			for (int p = 0; p < 20; p++, period = period.next()) {
				series.add(new StatusEngine.Point(period, 50 + ((m * 13 + p * 7) % 40) / 2.0));
			}
			measures.add(series);
		}
		StatusEngine.Baseline baseline = new StatusEngine.Baseline(first, 50);
		List<StatusEngine.Target> targets = List.of(new StatusEngine.Target(StatusEngine.TargetKind.LONG_TERM,
				Period.parse("2030/31", PeriodType.FINANCIAL_YEAR), 70));
		Tolerance tolerance = Tolerance.percent(5);
		Tolerance noChange = Tolerance.absolute(0.1);
		for (int warmUp = 0; warmUp < 5; warmUp++) {
			judgeAll(measures, baseline, targets, tolerance, noChange);
		}
		long start = System.nanoTime();
		int onTarget = judgeAll(measures, baseline, targets, tolerance, noChange);
		double millis = (System.nanoTime() - start) / 1e6;
		System.out.printf("%nBENCHMARK status, short- and long-term trend of 10,000 measures x 20 periods: %.1f ms (%d on target)%n",
				millis, onTarget);
	}

	private static int judgeAll(List<List<StatusEngine.Point>> measures, StatusEngine.Baseline baseline,
			List<StatusEngine.Target> targets, Tolerance tolerance, Tolerance noChange) {
		int onTarget = 0;
		for (List<StatusEngine.Point> series : measures) {
			StatusEngine.Judgement judgement = StatusEngine.againstTarget(series, baseline, targets, Polarity.HIGHER_IS_BETTER, tolerance);
			StatusEngine.shortTerm(series, Polarity.HIGHER_IS_BETTER, noChange, null);
			StatusEngine.longTerm(series, Polarity.HIGHER_IS_BETTER, noChange, null);
			if (judgement.status() == StatusEngine.Status.ON_TARGET) {
				onTarget++;
			}
		}
		return onTarget;
	}

}
