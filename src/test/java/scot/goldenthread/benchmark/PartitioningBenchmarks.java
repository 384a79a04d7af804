package scot.goldenthread.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * How the observation table is laid out at national volumes (README, "Running at scale"): the table as it was (one
 * heap, one unique key), split by hash of the measure, and split by place level (data zones apart from councils and
 * Scotland), each filled the same way on its own embedded PostgreSQL, a measure at a time (every data zone of Scotland
 * and every council for twenty years), with the hot statements timed as the table grows: an import's merge of a new
 * measure and of the same values again, a locality's series, a map's latest period, a council's series, and bringing
 * the statistics up to date after an import. {@code -Dmeasures=} sets how many measures each layout grows to (100 is
 * 14 million values). Run with {@code mvn test -Pbenchmark -Dtest=PartitioningBenchmarks}.
 */
@Tag("benchmark")
class PartitioningBenchmarks {

	static final int DATA_ZONES = 6_976;

	static final int COUNCILS = 32;

	static final int YEARS = 20;

	static final int PARTITIONS = 16;

	enum Layout {

		/** As V6 made it. */
		ONE_TABLE("", "", ""),

		/** Every statement of the product names its measure, so each finds its one partition. */
		BY_MEASURE(" partition by hash (measure_id)", "", ""),

		/** Only a statement that names the level finds its partition; the unique key must hold the level. */
		BY_LEVEL(" partition by list (level)", "level, ", " and level = %s");

		final String partitionBy;

		final String keyPrefix;

		final String levelFilter;

		Layout(String partitionBy, String keyPrefix, String levelFilter) {
			this.partitionBy = partitionBy;
			this.keyPrefix = keyPrefix;
			this.levelFilter = levelFilter;
		}

		String level(String level) {
			return this.levelFilter.isEmpty() ? "" : this.levelFilter.formatted("'" + level + "'");
		}

	}

	@Test
	void theObservationTableLaidOutThreeWaysAsItGrows() throws Exception {
		int measures = Integer.getInteger("measures", 100);
		int every = Math.max(1, measures / 5);
		System.out.printf("%nBENCHMARK partitioning: up to %d measures of %,d values each (%,d values), timed every %d measures%n",
				measures, (DATA_ZONES + COUNCILS) * YEARS, (long) measures * (DATA_ZONES + COUNCILS) * YEARS, every);
		System.out.println("layout | values | load of one measure s | its merge again, unchanged ms | a locality's series ms"
				+ " | a map's latest period ms | a council's series ms | analyze after an import ms | size MB");
		for (Layout layout : Layout.values()) {
			Path dir = Files.createTempDirectory("partitioning");
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
				.setServerConfig("shared_buffers", "512MB").setServerConfig("max_wal_size", "8GB").start();
					Connection c = postgres.getPostgresDatabase().getConnection()) {
				create(c, layout);
				for (int m = 1; m <= measures; m++) {
					if (m % every == 0) {
						report(c, layout, m);
					}
					else {
						load(c, layout, m);
					}
				}
			}
			finally {
				FileSystemUtils.deleteRecursively(dir);
			}
		}
	}

	private static void create(Connection c, Layout layout) throws SQLException {
		execute(c, """
				create table geography (code text collate "C" primary key, level text not null);
				insert into geography select 'S01' || lpad(g::text, 6, '0'), 'data-zone' from generate_series(1, %d) g;
				insert into geography select 'S12' || lpad(g::text, 6, '0'), 'council' from generate_series(1, %d) g;
				insert into geography values ('S92000003', 'country');
				create table measure (id bigint primary key);
				create table observation (
				    id bigint generated always as identity, measure_id bigint not null references measure (id) on delete cascade,
				    period_start date not null, geography text collate "C" not null references geography (code),
				    level text not null, breakdown text collate "C" not null default '', value numeric not null,
				    status text not null default 'final', note text, to_confirm text, recorded_by text not null,
				    recorded_at timestamptz not null default now(), numerator numeric, denominator numeric,
				    primary key (%sid, measure_id), unique (%smeasure_id, period_start, geography, breakdown))%s;
				""".formatted(DATA_ZONES, COUNCILS, layout.keyPrefix, layout.keyPrefix, layout.partitionBy));
		if (layout == Layout.BY_MEASURE) {
			for (int p = 0; p < PARTITIONS; p++) {
				execute(c, "create table observation_%d partition of observation for values with (modulus %d, remainder %d)"
					.formatted(p, PARTITIONS, p));
			}
		}
		if (layout == Layout.BY_LEVEL) {
			execute(c, """
					create table observation_data_zone partition of observation for values in ('data-zone');
					create table observation_other partition of observation default;""");
		}
	}

	/**
	 * A measure's values as the importer merges them: staged, the new and changed found by the key, then inserted. The
	 * join names the measure as a constant, as the importer does, or PostgreSQL reads the whole table to join it.
	 */
	private static long load(Connection c, Layout layout, int measure) throws SQLException {
		long start = System.nanoTime();
		execute(c, """
				insert into measure values (%1$d);
				create temporary table staging as
				select %1$d measure_id, make_date(y, 4, 1) period_start, g.code geography, g.level, ''::text breakdown,
				    (hashint4(y * 7919 + %1$d) %% 1000) / 10.0 + length(g.code) value from geography g, generate_series(2005, 2004 + %2$d) y;
				analyze staging;
				create temporary table change as select s.* from staging s
				left join observation o on o.measure_id = s.measure_id and o.period_start = s.period_start and o.geography = s.geography
				    and o.breakdown = s.breakdown%3$s and o.measure_id = %1$d
				where o.id is null or o.value <> s.value;
				insert into observation (measure_id, period_start, geography, level, breakdown, value, recorded_by)
				select measure_id, period_start, geography, level, breakdown, value, 'benchmark' from change;
				drop table staging, change;
				""".formatted(measure, YEARS, layout.levelFilter.isEmpty() ? "" : " and o.level = s.level"));
		return System.nanoTime() - start;
	}

	private static void report(Connection c, Layout layout, int measure) throws SQLException {
		double loadSeconds = load(c, layout, measure) / 1e9;
		long values = (long) measure * (DATA_ZONES + COUNCILS + 1) * YEARS;
		int chosen = measure / 2;
		// the same values again: the merge finds nothing to change
		double again = median(() -> {
			long start = System.nanoTime();
			execute(c, """
					create temporary table staging as select measure_id, period_start, geography, level, breakdown, value
					from observation where measure_id = %1$d%2$s;
					analyze staging;
					create temporary table change as select s.* from staging s
					left join observation o on o.measure_id = s.measure_id and o.period_start = s.period_start
					    and o.geography = s.geography and o.breakdown = s.breakdown%3$s and o.measure_id = %1$d
					where o.id is null or o.value <> s.value;
					drop table staging, change;""".formatted(chosen, "", layout.levelFilter.isEmpty() ? "" : " and o.level = s.level"));
			return System.nanoTime() - start;
		});
		// a locality of 60 data zones, every period, as a place's page reads it
		String zones = IntStream.rangeClosed(3001, 3060).mapToObj((z) -> "'S01%06d'".formatted(z)).collect(Collectors.joining(", "));
		double locality = timeQuery(c, "select period_start, geography, value from observation where measure_id = %d and geography in (%s)%s"
			.formatted(chosen, zones, layout.level("data-zone")));
		double map = timeQuery(c, "select geography, value from observation where measure_id = %d and period_start = '2024-04-01'%s"
			.formatted(chosen, layout.level("data-zone")));
		double council = timeQuery(c, "select period_start, value from observation where measure_id = %d and geography = 'S12000016'%s"
			.formatted(chosen, layout.level("council")));
		// what an import of 10,000 values or more brings up to date: the whole table, or the partition it wrote
		String analyzed = switch (layout) {
			case ONE_TABLE -> "observation";
			case BY_MEASURE -> "observation_" + partitionOf(c, measure);
			case BY_LEVEL -> "observation_data_zone, observation_other";
		};
		long start = System.nanoTime();
		execute(c, "analyze " + analyzed);
		double analyze = (System.nanoTime() - start) / 1e6;
		long bytes = single(c, "select sum(pg_total_relation_size(c.oid))::bigint from pg_class c where c.relname like 'observation%'"
				+ " and c.relkind in ('r', 'i')");
		System.out.printf("%s | %,d | %.2f | %.0f | %.1f | %.1f | %.2f | %.0f | %,d%n", layout, values, loadSeconds, again / 1e6,
				locality / 1e6, map / 1e6, council / 1e6, analyze, bytes >> 20);
	}

	private static int partitionOf(Connection c, int measure) throws SQLException {
		String name = "";
		try (Statement s = c.createStatement();
				var rs = s.executeQuery("select tableoid::regclass::text from observation where measure_id = " + measure + " limit 1")) {
			rs.next();
			name = rs.getString(1);
		}
		return Integer.parseInt(name.substring(name.lastIndexOf('_') + 1));
	}

	private static double timeQuery(Connection c, String sql) throws SQLException {
		return median(() -> {
			long start = System.nanoTime();
			try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
				while (rs.next()) {
					rs.getObject(1);
				}
			}
			return System.nanoTime() - start;
		});
	}

	interface Timed {

		long nanos() throws SQLException;

	}

	/** The median of five, after one to warm up. */
	private static double median(Timed timed) throws SQLException {
		timed.nanos();
		long[] runs = new long[5];
		for (int i = 0; i < runs.length; i++) {
			runs[i] = timed.nanos();
		}
		Arrays.sort(runs);
		return runs[runs.length / 2];
	}

	private static long single(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void execute(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

}
