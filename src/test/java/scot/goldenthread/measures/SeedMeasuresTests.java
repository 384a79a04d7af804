package scot.goldenthread.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo data puts the LOIP's measures on the published series of demo/data/ where one exists, loaded through
 * mappings of their columns, and the figures the seeds quote where none does, each with its source.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SeedMeasuresTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	scot.goldenthread.plans.PlanCatalogue plans;

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
		assertThat(workless.measure().source()).startsWith("Wellbeing LOIP 2024-34, Our Local Context (seed 000)");
		assertThat(workless.latest().orElseThrow().value()).isEqualTo(27);
		assertThat(workless.comparison()).isEqualTo(StatusEngine.Comparison.WORSE);
		assertThat(workless.statusWording()).isEqualTo("No target set: 27% in 2024");
	}

	@Test
	void theNumeracyGapIsLgbfsSeriesOffSeed002sStretchAimWithItsForecastAndTheSeedsFigureBesideIt() {
		MeasureJudge.Assessment gap = assess("NIF-NUM-GAP");
		// LGBF CHN14b for Clackmannanshire, 2018/19 to 2022/23 (none for 2019/20, when no assessment was made)
		assertThat(gap.series()).extracting((p) -> p.period().code(), StatusEngine.Point::value).containsExactly(
				tuple("2018/19", 17.68), tuple("2020/21", 12.96155), tuple("2021/22", 15.59147984), tuple("2022/23", 17.06114158));
		assertThat(gap.scotland()).extracting(StatusEngine.Point::value).endsWith(16.95982652);
		assertThat(gap.statusWording()).isEqualTo("Off target: 17.1 percentage points in 2022/23 against a stretch aim of 11.0 percentage points by 2025/26");
		assertThat(gap.forecasts()).containsExactly(
				"At the present rate it would be 15.0 percentage points by 2025/26, not the stretch aim of 11.0 percentage points (the trend of the last 4 values)");
		assertThat(gap.familyGroup().series()).extracting(StatusEngine.Point::value).endsWith(16.15064638);
	}

	@Test
	void theLoipsMeasuresAreOnPublishedSeries() throws Exception {
		// NRS mid-year estimates, 1981 to 2019
		MeasureJudge.Assessment population = assess("LOIP-ES-06");
		assertThat(population.series()).hasSize(39);
		assertThat(population.latest().orElseThrow().value()).isEqualTo(51540);
		// people of 0-15 and 65+ per 100 of 16-64 in 2019: 60.4, as seed 000's 61%
		assertThat(assess("LOIP-ES-08").latest().orElseThrow().value()).isCloseTo(60.4, org.assertj.core.data.Offset.offset(0.05));
		// DWP: 2,426 of 9,476 children in 2019/20, and Scotland worked out from its councils' counts
		MeasureJudge.Assessment lowIncome = assess("LOIP-WB-01");
		assertThat(lowIncome.series()).hasSize(6);
		assertThat(lowIncome.latest().orElseThrow().value()).isCloseTo(25.6, org.assertj.core.data.Offset.offset(0.01));
		// LGBF's positive destinations as percentages, with Scotland's as published
		assertThat(assess("LOIP-WB-06").latest().orElseThrow().value()).isCloseTo(96.49, org.assertj.core.data.Offset.offset(0.01));
		// ScotPHO's latest suicide rate, with its interval
		assertThat(assess("LOIP-WB-04").latest().orElseThrow().value()).isEqualTo(20.6);
		// ScotPHO dates a financial year by the year it starts; it suppresses Clackmannanshire's looked-after leavers (NA)
		assertThat(assess("CSP-GC-02").latest().orElseThrow().period().code()).isEqualTo("2021/22");
		assertThat(assess("CSP-GC-07").latest()).isEmpty();
		this.mvc.perform(get("/measures/LOIP-WB-04"))
			.andExpect(content().string(allOf(containsString("95% confidence interval"), containsString("8.8 to 40.4"))));
	}


	@Test
	void anyCouncilSeesItselfAgainstScotlandItsFamilyGroupAndTheOtherCouncils() throws Exception {
		// LGBF CHN11, 2021/22: Clackmannanshire's 96.5% is 10th of 32 councils, Stirling's 14th
		MeasureJudge.Assessment destinations = assess("LOIP-WB-06");
		assertThat(destinations.ranking()).isEqualTo(new MeasureJudge.Ranking(10, 32, 2));
		assertThat(destinations.familyGroup().basis()).isEqualTo("as published");
		this.mvc.perform(get("/measures/LOIP-WB-06").param("place", "S12000030"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Ranked 14 of 32 councils: quartile 2"),
					containsString("Stirling&#39;s family group (LGBF)"), containsString("Its value is as published."))));
		this.mvc.perform(get("/api/measures/LOIP-WB-06").param("place", "S12000030"))
			.andExpect(jsonPath("$.ranking.rank").value(14))
			.andExpect(jsonPath("$.ranking.quartile").value(2))
			.andExpect(jsonPath("$.familyGroup.basis").value("as published"));
		this.mvc.perform(get("/measures/LOIP-WB-06").param("place", "S99999999")).andExpect(status().isNotFound());
		// judged for two councils at once, each against its own family group and in its own place
		Measure destinationsMeasure = this.catalogue.measure("LOIP-WB-06").orElseThrow();
		assertThat(this.judge.assess(List.of(destinationsMeasure.in("S12000005"), destinationsMeasure.in("S12000030")), Instant.now(),
				LocalDate.of(2024, 6, 1)))
			.extracting((a) -> a.familyGroup().name(), (a) -> a.ranking().rank())
			.containsExactly(tuple("Clackmannanshire's family group (LGBF)", 10), tuple("Stirling's family group (LGBF)", 14));
		// DWP publishes no Scotland figure: it is worked out from the councils' counts
		assertThat(assess("LOIP-WB-01").scotlandBasis()).isEqualTo("worked out from the councils' numerators and denominators");
	}


	@Test
	void aChartReadsInTheMeasuresOwnTermsEvenWithOneValue() throws Exception {
		String workless = this.mvc.perform(get("/measures/LOIP-ES-03/chart.svg")).andReturn().getResponse().getContentAsString();
		assertThat(workless).doesNotContainPattern("\\dE\\d").contains(">20%</text>");
		// ScotPHO's interval across the value, in the legend
		assertThat(this.mvc.perform(get("/measures/LOIP-WB-04/chart.svg")).andReturn().getResponse().getContentAsString())
			.contains("95% confidence interval").doesNotContain("(upper)");
		String gap = this.mvc.perform(get("/measures/NIF-NUM-GAP/chart.svg")).andReturn().getResponse().getContentAsString();
		assertThat(gap).doesNotContainPattern("\\dE\\d").contains(">11</text>", "Scotland", "Clackmannanshire&apos;s family group (LGBF)", "Target");
	}


	@Test
	void theLoipDashboardShowsItsMeasuresOnPublishedSeriesAgainstScotlandAndTheirFamilyGroup() throws Exception {
		long loip = this.plans.plan("LOIP-2024-34").orElseThrow().id();
		String dashboard = this.mvc.perform(get("/plans/{id}/dashboard", loip).accept(org.springframework.http.MediaType.TEXT_HTML))
			.andReturn().getResponse().getContentAsString();
		String[] measures = dashboard.split("class=\"gt-dashboard__measure\"");
		long withValue = java.util.Arrays.stream(measures).skip(1).filter((m) -> !m.contains("No data yet")).count();
		long againstBoth = java.util.Arrays.stream(measures).skip(1).filter((m) -> m.contains("Scotland ") && m.contains("family group ")).count();
		// 16 published and 4 from the seeds; 8 multi-year series with Scotland and the family group beside them
		assertThat(withValue).isEqualTo(20);
		assertThat(againstBoth).isGreaterThanOrEqualTo(8);
		assertThat(dashboard).contains("ranked 10 of 32 councils");
		// ScotPHO publishes no Scotland figure and no numerators for its survey rates: the dashboard says what it shows instead
		assertThat(dashboard).contains("Scotland (its councils&#39; average) 18.0 per 100,000 (worse)");
	}

}
