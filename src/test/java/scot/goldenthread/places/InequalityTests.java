package scot.goldenthread.places;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.Period;
import scot.goldenthread.measures.PeriodType;
import scot.goldenthread.measures.SmallAreas;
import scot.goldenthread.measures.SmallAreas.Zone;
import scot.goldenthread.places.Aggregation.Band;
import scot.goldenthread.places.Aggregation.Method;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo's SIMD indicators worked out for larger places and by quintile, its localities, and the SIMD measures of
 * seed 000 worked out from the SIMD file: each checked against a figure summed here straight from the loaded values.
 */
@SpringBootTest
class InequalityTests {

	static final String CLACKMANNANSHIRE = "S12000005";

	static final Period SIMD_2020 = Period.parse("2020", PeriodType.CALENDAR_YEAR);

	@Autowired
	PlaceFigures figures;

	@Autowired
	MeasureCatalogue catalogue;

	@Autowired
	Localities localities;

	@Autowired
	SmallAreas areas;

	@Autowired
	JdbcClient jdbc;

	double sql(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Double.class).single();
	}

	@Test
	void aRateWithCountsIsTheSumOfItsNumeratorsOverTheSumOfItsDenominators() {
		PlaceFigures.Figures income = this.figures.of(this.catalogue.measure("SIMD-INCOME").orElseThrow()).orElseThrow();
		assertThat(income.method()).isEqualTo(Method.RATIO);
		String zonesOfClackmannanshire = """
				from observation o join measure m on m.id = o.measure_id join geography d on d.code = o.geography
				join geography i on i.code = d.parent where m.code = 'SIMD-INCOME' and i.parent = ?""";
		double expected = sql("select 100 * sum(o.numerator) / sum(o.denominator) " + zonesOfClackmannanshire, CLACKMANNANSHIRE);
		assertThat(income.at(CLACKMANNANSHIRE, Band.ALL, SIMD_2020).orElseThrow().value()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(income.at(CLACKMANNANSHIRE, Band.ALL, SIMD_2020).orElseThrow().zones()).isEqualTo(72);
		// Clackmannanshire's most deprived fifth is far more income deprived than its least
		double mostDeprived = income.at(CLACKMANNANSHIRE, Band.quintile(1), SIMD_2020).orElseThrow().value();
		double leastDeprived = income.at(CLACKMANNANSHIRE, Band.quintile(5), SIMD_2020).orElseThrow().value();
		assertThat(mostDeprived).isGreaterThan(3 * leastDeprived);
		QuintileGap gap = income.gap(CLACKMANNANSHIRE, "Clackmannanshire");
		assertThat(gap.wording()).startsWith("The gap between the most and least deprived fifth of Clackmannanshire is ")
			.contains(" points in 2020 (").contains("One period is published");
		// every data zone of Scotland counts once in Scotland's figure, and Scotland's quintiles hold a fifth of them each
		assertThat(income.at(PlaceFigures.SCOTLAND, Band.ALL, SIMD_2020).orElseThrow().zones())
			.isEqualTo((int) sql("select count(*) from observation o join measure m on m.id = o.measure_id where m.code = 'SIMD-INCOME'"));
		assertThat(income.at(PlaceFigures.SCOTLAND, Band.quintile(1), SIMD_2020).orElseThrow().zones()).isBetween(1390, 1395);
	}

	@Test
	void aRatePublishedAloneIsAveragedWeightedByPopulation() {
		PlaceFigures.Figures drive = this.figures.of(this.catalogue.measure("SIMD-DRIVE-GP").orElseThrow()).orElseThrow();
		assertThat(drive.method()).isEqualTo(Method.WEIGHTED_MEAN);
		double expected = sql("""
				select sum(o.value * s.population) / sum(s.population) from observation o join measure m on m.id = o.measure_id
				join simd s on s.data_zone = o.geography join geography d on d.code = o.geography join geography i on i.code = d.parent
				where m.code = 'SIMD-DRIVE-GP' and i.parent = ?""", CLACKMANNANSHIRE);
		assertThat(drive.at(CLACKMANNANSHIRE, Band.ALL, SIMD_2020).orElseThrow().value()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void seedZeroSimdMeasuresAreWorkedOutFromTheSimdFile() {
		// "a quarter of data zones in Clackmannanshire are in the 20% most deprived": 18 of 72
		assertThat(sql("""
				select o.value from observation o join measure m on m.id = o.measure_id
				where m.code = 'LOIP-PL-03' and o.geography = ? and o.breakdown = ''""", CLACKMANNANSHIRE)).isEqualTo(25.0);
		// "28% of Clackmannanshire's population live in the most deprived SIMD quintile ... the 16% who live in the least"
		assertThat(sql("""
				select round(o.value, 1) from observation o join measure m on m.id = o.measure_id
				where m.code = 'LOIP-PL-08' and o.geography = ? and o.breakdown = 'SIMD quintile=1'""", CLACKMANNANSHIRE)).isEqualTo(28.8);
		assertThat(sql("""
				select round(o.value, 1) from observation o join measure m on m.id = o.measure_id
				where m.code = 'LOIP-PL-08' and o.geography = ? and o.breakdown = 'SIMD quintile=5'""", CLACKMANNANSHIRE)).isEqualTo(16.3);
		assertThat(sql("""
				select o.value from observation o join measure m on m.id = o.measure_id
				where m.code = 'LOIP-PL-03' and o.geography = 'S92000003' and o.breakdown = ''""")).isCloseTo(20.0, org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void theDemoDrawsClackmannanshiresLocalitiesAsItsWards() {
		List<Localities.Locality> drawn = this.localities.of(CLACKMANNANSHIRE);
		assertThat(drawn).hasSize(5).allSatisfy((l) -> assertThat(l.drawnFrom()).contains("multi-member wards"));
		assertThat(drawn.stream().mapToInt((l) -> l.dataZones().size()).sum()).isEqualTo(72);
		PlaceFigures.Figures income = this.figures.of(this.catalogue.measure("SIMD-INCOME").orElseThrow()).orElseThrow();
		assertThat(drawn).allSatisfy((l) -> assertThat(income.at(l.code(), Band.ALL, SIMD_2020)).isPresent());
	}

	@Test
	void aLocalityFileWithAnyBadRowChangesNothing() {
		String file = """
				locality,code
				Town centre,S01007410
				Town centre,S02001393
				Elsewhere,S01006506
				Nowhere,S01999999
				Twice,S01007409
				""";
		assertThatThrownBy(() -> this.localities.upload(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "bad.csv",
				CLACKMANNANSHIRE, "Test set"))
			.isInstanceOfSatisfying(Localities.Refused.class, (refused) -> assertThat(refused.problems())
				.extracting((p) -> p.line() + " " + p.column() + ": " + p.reason())
				.containsExactly("3 code: data zone S01007410 is already in Town centre on line 2: a data zone can be in only one locality of a set",
						"4 code: 'S01006506' is in Aberdeen City, not Clackmannanshire",
						"5 code: 'S01999999' is not the code of a 2011 data zone or intermediate zone",
						"6 code: data zone S01007409 is already in Town centre on line 3: a data zone can be in only one locality of a set"));
		assertThat(this.localities.of(CLACKMANNANSHIRE)).extracting(Localities.Locality::setName).containsOnly("Multi-member wards");
	}

	@Test
	@org.springframework.transaction.annotation.Transactional
	void aPlacesPageFollowsItsOwnGapThroughEveryPeriodAndItsCouncilAndScotlandInTheLatest() {
		long id = this.jdbc.sql("""
				insert into measure (code, title, polarity, unit, period_type, geography_levels)
				values ('TEST-TWO-YEARS', 'Two years of income deprivation', 'lower-is-better', 'percentage', 'calendar-year', '{data-zone}')
				returning id""").query(Long.class).single();
		this.jdbc.sql("""
				insert into observation (measure_id, period_start, geography, value, numerator, denominator, recorded_by)
				select ?, make_date(y, 1, 1), o.geography, o.value, o.numerator * (2021 - y), o.denominator, 'test' from observation o
				join measure m on m.id = o.measure_id, generate_series(2019, 2020) y where m.code = 'SIMD-INCOME'""").param(id).update();
		scot.goldenthread.measures.Measure measure = this.catalogue.measure("TEST-TWO-YEARS").orElseThrow();
		String south = Localities.code(CLACKMANNANSHIRE, "Multi-member wards", "Clackmannanshire South");
		PlaceFigures.Figures every = this.figures.of(measure).orElseThrow();
		List<Zone> itsZones = this.localities.find(south).orElseThrow().dataZones().stream().map(this.areas.zones()::get).toList();
		PlaceFigures.Figures page = this.figures.throughout(List.of(measure), south, itsZones).get("TEST-TWO-YEARS");
		PlaceFigures.Figures across = this.figures.acrossScotland(List.of(measure)).get("TEST-TWO-YEARS");
		assertThat(page.latest(south, Band.ALL)).isEqualTo(every.latest(south, Band.ALL));
		for (String place : List.of(CLACKMANNANSHIRE, PlaceFigures.SCOTLAND)) {
			assertThat(across.latest(place, Band.ALL)).as(place).isEqualTo(every.latest(place, Band.ALL));
		}
		assertThat(page.gap(south, "South").points()).hasSize(2).isEqualTo(every.gap(south, "South").points());
		assertThat(page.gap(south, "South").wording()).contains("has narrowed from");
		// the council and Scotland are kept for the latest period alone, and the place's own figures are of it alone
		assertThat(across.at(CLACKMANNANSHIRE, Band.ALL, Period.parse("2019", PeriodType.CALENDAR_YEAR))).isEmpty();
		assertThat(page.latest(CLACKMANNANSHIRE, Band.ALL)).isEmpty();
		// kept: asked again, the same figures; after a new value of the measure, worked out afresh
		assertThat(this.figures.acrossScotland(List.of(measure)).get("TEST-TWO-YEARS")).isSameAs(across);
		this.jdbc.sql("update observation set value = value + 1 where measure_id = ? and period_start = '2020-01-01'").param(id).update();
		assertThat(this.figures.acrossScotland(List.of(measure)).get("TEST-TWO-YEARS")).isNotSameAs(across);
	}

}
