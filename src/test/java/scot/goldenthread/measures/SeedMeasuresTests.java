package scot.goldenthread.measures;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data gives the LOIP's measures the figures the seeds quote, each with its source. */
@SpringBootTest
class SeedMeasuresTests {

	@Autowired
	MeasureCatalogue catalogue;

	@Autowired
	MeasureJudge judge;

	MeasureJudge.Assessment assess(String code) {
		return this.judge.assess(this.catalogue.measure(code).orElseThrow(), Instant.now(), LocalDate.of(2024, 6, 1));
	}

	@Test
	void worklessHouseholdsAreWorseThanScotland() {
		MeasureJudge.Assessment workless = assess("LOIP-ES-03");
		assertThat(workless.measure().source()).startsWith("Seed 000");
		assertThat(workless.latest().orElseThrow().value()).isEqualTo(27);
		assertThat(workless.comparison()).isEqualTo(StatusEngine.Comparison.WORSE);
		assertThat(workless.statusWording()).isEqualTo("No target set: 27% in 2024");
	}

	@Test
	void theNumeracyGapOfSeed002IsOffItsStretchAim() {
		assertThat(assess("NIF-NUM-GAP").statusWording())
			.isEqualTo("Off target: 14.3pp in 2022/23 against a stretch aim of 11.0pp by 2022/23");
	}

	@Test
	void thePopulationHasGrownBetweenTheTwoPlans() {
		MeasureJudge.Assessment population = assess("LOIP-ES-06");
		assertThat(population.series()).extracting(StatusEngine.Point::value).containsExactly(51000.0, 51800.0);
		assertThat(population.status().status()).isEqualTo(StatusEngine.Status.DATA_ONLY);
		assertThat(population.statusWording()).isEqualTo("Data only: 51,800 in 2024");
	}

}
