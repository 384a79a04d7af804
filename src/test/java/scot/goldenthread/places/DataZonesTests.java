package scot.goldenthread.places;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scotland's data zones, intermediate zones and wards with their parents, and SIMD 2020v2, as migration V18 loads them
 * from the published files: checked against the figures seed 000 quotes for Clackmannanshire.
 */
@SpringBootTest
class DataZonesTests {

	@Autowired
	JdbcClient jdbc;

	long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void everyDataZoneIsThereWithItsParentsAndItsSimd() {
		assertThat(count("select count(*) from geography where level = 'data-zone'")).isEqualTo(6976);
		assertThat(count("select count(*) from geography where level = 'intermediate-zone'")).isEqualTo(1279);
		assertThat(count("select count(*) from geography where level = 'ward'")).isEqualTo(354);
		assertThat(count("select count(*) from simd where edition = 'SIMD 2020v2'")).isEqualTo(6976);
		// a data zone's intermediate zone is in the council of its ward
		assertThat(count("""
				select count(*) from geography d join geography i on i.code = d.parent join geography w on w.code = d.ward
				where d.level = 'data-zone' and i.parent <> w.parent""")).isZero();
		// seed 000: "a quarter of data zones in Clackmannanshire are in the 20% most deprived" - 18 of its 72
		String clackmannanshire = """
				from simd s join geography d on d.code = s.data_zone join geography i on i.code = d.parent
				where i.parent = 'S12000005'""";
		assertThat(count("select count(*) " + clackmannanshire)).isEqualTo(72);
		assertThat(count("select count(*) " + clackmannanshire + " and s.quintile = 1")).isEqualTo(18);
		assertThat(count("select max(rank) from simd where quintile = 1")).isEqualTo(1395);
		assertThat(count("select max(rank) from simd where decile = 1")).isEqualTo(697);
		// seed 000 says 28% of its people live in Scotland's most deprived fifth, on PHS's population-weighted bands: 28.8%
		assertThat(count("select round(1000.0 * sum(population) filter (where weighted_quintile = 1) / sum(population)) " + clackmannanshire))
			.isEqualTo(288);
	}

	@Test
	void everyPlaceHasItsOutlineOnTheBritishNationalGrid() {
		assertThat(count("select count(*) from boundary b join geography g using (code) where g.level = 'data-zone'")).isEqualTo(6976);
		assertThat(count("select count(*) from boundary b join geography g using (code) where g.level = 'intermediate-zone'")).isEqualTo(1279);
		assertThat(count("select count(*) from boundary b join geography g using (code) where g.level = 'council-area'")).isEqualTo(32);
		// Clackmannanshire, projected: its outline lies within the grid square NS 80-100 east, 680-710 north (km)
		org.locationtech.jts.geom.Envelope box = outline("S12000005").getEnvelopeInternal();
		assertThat(box.getMinX()).isBetween(280_000.0, 300_000.0);
		assertThat(box.getMaxY()).isBetween(690_000.0, 710_000.0);
		assertThat(outline("S12000005").getArea() / 1e6).as("square kilometres").isBetween(150.0, 170.0);
	}

	@Autowired
	Boundaries boundaries;

	/** Simplified outlines overlap a little here and there: every ward of Scotland joins from its data zones all the same. */
	@Test
	void everyWardJoinsFromItsDataZonesOutlines() {
		java.util.Map<String, java.util.List<String>> wards = new java.util.HashMap<>();
		this.jdbc.sql("select ward, code from geography where level = 'data-zone'").query((java.sql.ResultSet rs) -> {
			wards.computeIfAbsent(rs.getString(1), (k) -> new java.util.ArrayList<>()).add(rs.getString(2));
		});
		java.util.Map<String, org.locationtech.jts.geom.Geometry> outlines = this.boundaries
			.outlines(wards.values().stream().flatMap(java.util.List::stream).toList());
		wards.forEach((ward, zones) -> assertThat(this.boundaries.joined(zones.stream().map(outlines::get).toList()).getArea())
			.as(ward).isPositive());
	}

	org.locationtech.jts.geom.Geometry outline(String code) {
		try {
			return new org.locationtech.jts.io.WKBReader()
				.read(this.jdbc.sql("select outline from boundary where code = ?").param(code).query(byte[].class).single());
		}
		catch (org.locationtech.jts.io.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
