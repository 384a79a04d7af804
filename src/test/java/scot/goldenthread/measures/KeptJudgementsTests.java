package scot.goldenthread.measures;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A measure is judged again when what it is judged on changes, and only then. */
@SpringBootTest
class KeptJudgementsTests {

	@Autowired
	KeptJudgements judgements;

	@Autowired
	MeasureCatalogue catalogue;

	@Autowired
	ObservationImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aMeasureIsJudgedAgainOnlyWhenItsValuesTargetsOrDefinitionChange() {
		Fixtures.World world = this.fixtures.world();
		MeasureJudge.Assessment gap = judged(world.gap());
		MeasureJudge.Assessment unused = judged(world.unusedMeasure());
		assertThat(gap.latest().orElseThrow().value()).isEqualTo(14.3);
		assertThat(judged(world.gap())).as("nothing changed: the judgement kept").isSameAs(gap);

		this.importer.importCsv(new StringReader("measure,period,geography,value\n" + world.gap() + ",2023/24,S12000005,12.1\n"), "new.csv", null,
				null, ObservationImporter.Mode.ALL_OR_NOTHING);
		MeasureJudge.Assessment again = judged(world.gap());
		assertThat(again.latest().orElseThrow().value()).as("a new value judged").isEqualTo(12.1);
		assertThat(judged(world.unusedMeasure())).as("another measure's values changed, not its own").isSameAs(unused);

		this.jdbc.sql("insert into measure_target (measure_id, kind, period_start, value) select id, 'short-term', '2027-01-01', 75 from measure where code = ?")
			.param(world.unusedMeasure()).update();
		assertThat(judged(world.unusedMeasure()).targets()).as("a new target judged").hasSize(1);
		this.jdbc.sql("update measure set title = 'Renamed' where code = ?").param(world.gap()).update();
		assertThat(judged(world.gap()).measure().title()).isEqualTo("Renamed");
	}

	private MeasureJudge.Assessment judged(String code) {
		List<Measure> all = this.catalogue.measures();
		return this.judgements.today(all, all).stream().filter((a) -> a.measure().code().equals(code)).findFirst().orElseThrow();
	}

}
