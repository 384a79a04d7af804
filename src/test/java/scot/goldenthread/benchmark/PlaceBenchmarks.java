package scot.goldenthread.benchmark;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import scot.goldenthread.measures.Geographies;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.places.Localities;
import scot.goldenthread.places.PlaceFigures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Places and inequality (README, "Benchmarks"), with every data zone of Scotland and the SIMD indicators loaded and
 * every council's wards drawn as localities: one data-zone measure worked out for every intermediate zone, ward,
 * locality, council and SIMD quintile and decile of Scotland, against PostgreSQL summing the same values to the
 * intermediate zones alone; a locality's page made afresh, against a static file served by the same application. Each at
 * the demo's size (one period) and at fifty times it (fifty periods). Run with {@code mvn test -Pbenchmark}.
 */
@Tag("benchmark")
@SpringBootTest
@AutoConfigureMockMvc
class PlaceBenchmarks {

	@Autowired
	PlaceFigures figures;

	@Autowired
	MeasureCatalogue catalogue;

	@Autowired
	Localities localities;

	@Autowired
	Geographies geographies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	static final String LOCALITY = "/places/S12000005-multi-member-wards-clackmannanshire-south";

	@Test
	void aggregationAndTheLocalityPageAtTheDemosSizeAndFiftyTimesIt() throws Exception {
		for (Geographies.Geography council : this.geographies.councils()) {
			this.localities.drawWards(council.code(), "Multi-member wards", "the multi-member wards of the data zone lookup");
		}
		long localities = this.jdbc.sql("select count(*) from locality").query(Long.class).single();
		System.out.printf("%nBENCHMARK places and inequality: 6,976 data zones, %d localities (every council's wards), heap limit %,d MB%n",
				localities, Runtime.getRuntime().maxMemory() >> 20);
		measure("demo's size, SIMD-INCOME: 1 period", "SIMD-INCOME");
		// fifty times the demo: the same values for fifty years, a benchmark's measure the page shows beside the others
		long id = this.jdbc.sql("""
				insert into measure (code, title, polarity, unit, period_type, geography_levels)
				values ('BENCH-DZ-50', 'Benchmark: income deprivation over fifty years', 'lower-is-better', 'percentage', 'calendar-year',
				'{data-zone}') returning id""").query(Long.class).single();
		this.jdbc.sql("""
				insert into observation (measure_id, period_start, geography, value, numerator, denominator, recorded_by)
				select ?, make_date(y, 1, 1), o.geography, o.value, o.numerator, o.denominator, 'benchmark' from observation o
				join measure m on m.id = o.measure_id, generate_series(1971, 2020) y where m.code = 'SIMD-INCOME'""").param(id).update();
		this.jdbc.sql("analyze observation").update();
		try {
			measure("fifty times it, 50 periods", "BENCH-DZ-50");
		}
		finally {
			this.jdbc.sql("delete from measure where id = ?").param(id).update();
		}
	}

	void measure(String size, String code) throws Exception {
		var measure = this.catalogue.measure(code).orElseThrow();
		long values = this.jdbc.sql("select count(*) from observation where measure_id = ?").param(measure.id()).query(Long.class).single();
		double aggregate = median(() -> count(measure));
		long figures = count(measure);
		// baseline: PostgreSQL itself summing the same numerators and denominators to the intermediate zones only
		double database = median(() -> this.jdbc.sql("""
				select g.parent, o.period_start, sum(o.numerator) / sum(o.denominator) from observation o join geography g on g.code = o.geography
				where o.measure_id = ? group by 1, 2""").param(measure.id()).query().listOfRows().size());
		int[] fresh = { 0 };
		double page = median(() -> this.mvc.perform(get(URI.create(LOCALITY + "?fresh=" + code + (fresh[0]++)))).andReturn().getResponse()
			.getContentAsString().length());
		double file = median(() -> this.mvc.perform(get("/css/golden-thread.css")).andReturn().getResponse().getContentAsString().length());
		assertThat(this.mvc.perform(get(URI.create(LOCALITY + "?fresh=check"))).andReturn().getResponse().getContentAsString())
			.contains("People who are income deprived");
		System.out.printf("  %s (%,d values):%n", size, values);
		System.out.printf("    worked out for every place, quintile and decile (%,d figures): median %.0f ms (goal: under 1 s);"
				+ " PostgreSQL summing them to intermediate zones alone %.0f ms, %.1f times as long%n", figures, aggregate * 1000, database * 1000,
				aggregate / database);
		System.out.printf("    the locality's page made afresh: median %.0f ms (goal: under 300 ms); a static file %.1f ms, %.0f times as long%n",
				page * 1000, file * 1000, page / file);
	}

	/** The measure worked out for every place, whole, by quintile and by decile, and every figure counted. */
	long count(scot.goldenthread.measures.Measure measure) {
		long[] figures = { 0 };
		this.figures.of(measure).orElseThrow().forEach((key, figure) -> figures[0]++);
		return figures[0];
	}

	/** The median of seven runs after two to warm up, in seconds. */
	static double median(Callable<?> work) throws Exception {
		for (int i = 0; i < 2; i++) {
			work.call();
		}
		List<Double> seconds = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			long start = System.nanoTime();
			work.call();
			seconds.add((System.nanoTime() - start) / 1e9);
		}
		seconds.sort(Double::compare);
		return seconds.get(3);
	}

}
