package scot.goldenthread.measures;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class MeasureDefinitionsTests {

	@Autowired
	MeasureDefinitions definitions;

	@Autowired
	MeasureCatalogue catalogue;

	@Autowired
	MeasureJudge judge;

	@Autowired
	MeasureData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ObservationImporter importer;

	@Autowired
	Fixtures fixtures;

	static final String GAP = """
			format: golden-thread/measures@1
			measures:
			- code: TEST-NUM-GAP
			  title: Numeracy attainment gap (P1, P4, P7) between SIMD Q1 and Q5
			  kind: performance-measure
			  unit: percentage-points
			  decimals: 1
			  polarity: lower-is-better
			  periodType: academic-year
			  source: Curriculum for Excellence levels (ACEL), seed 002
			  lead: Education Senior Manager (Secondary)
			  area: S12000005
			  tolerance: {absolute: 1.5, noChange: 0.2}
			  baseline: {period: 2021/22, value: 13.0}
			  targets:
			  - {kind: stretch-aim, period: 2022/23, value: 11}
			""";

	@AfterEach
	void clean() {
		this.jdbc.sql("delete from measure where code = 'TEST-NUM-GAP'").update();
	}

	int define(String yaml) {
		return this.definitions.define(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "m.yaml");
	}

	@Test
	void aDefinitionSetsWhatAMeasureCountsAndItsTargetsAndAChangeIsANewVersion() throws Exception {
		assertThat(define(GAP)).isEqualTo(1);
		Measure gap = this.catalogue.measure("TEST-NUM-GAP").orElseThrow();
		assertThat(gap.unit()).isEqualTo(Unit.PERCENTAGE_POINTS);
		assertThat(gap.periodType()).isEqualTo(PeriodType.ACADEMIC_YEAR);
		assertThat(gap.area()).isEqualTo("S12000005");
		Instant first = Instant.now();
		Thread.sleep(5);
		this.jdbc.sql("insert into observation (measure_id, period_start, geography, value, recorded_by) values (?, '2022-08-01', 'S12000005', 14.3, 'test')")
			.param(gap.id()).update();
		assertThat(this.judge.assess(gap, Instant.now(), LocalDate.of(2023, 1, 1)).statusWording())
			.isEqualTo("Off target: 14.3 percentage points in 2022/23 against a stretch aim of 11.0 percentage points by 2022/23");

		// loading the same file again changes nothing; a new stretch aim and tolerance are new versions
		define(GAP);
		assertThat(this.jdbc.sql("select count(*) from measure_target where measure_id = ?").param(gap.id()).query(Integer.class).single()).isEqualTo(2);
		define(GAP.replace("value: 11}", "value: 12}").replace("absolute: 1.5", "absolute: 2.5"));
		assertThat(this.judge.assess(gap, Instant.now(), LocalDate.of(2023, 1, 1)).status().status()).isEqualTo(StatusEngine.Status.WITHIN_TOLERANCE);
		assertThat(this.data.targets(java.util.Map.of(gap.id(), gap), first).get(gap.id())).extracting((t) -> t.target().value())
			.containsExactly(11.0);
		assertThat(this.data.settings(java.util.Map.of(gap.id(), gap), first).get(gap.id()).tolerance()).isEqualTo(Tolerance.absolute(1.5));
		assertThat(this.jdbc.sql("select summary from audit_event where entity_id = 'TEST-NUM-GAP' order by id").query(String.class).list())
			.containsExactly("Defined measure TEST-NUM-GAP", "Tolerance of TEST-NUM-GAP set", "Targets of TEST-NUM-GAP set",
					"Tolerance of TEST-NUM-GAP set", "Targets of TEST-NUM-GAP set");
	}

	@Test
	void aTargetMayBeWrittenAsTheYearItIsToBeReachedBy() {
		define(GAP.replace("period: 2022/23, value: 11}", "period: by 2026, value: 11}"));
		assertThat(this.definitions.published().measures()).filteredOn((m) -> m.code().equals("TEST-NUM-GAP")).singleElement()
			.satisfies((m) -> assertThat(m.targets()).singleElement().satisfies((t) -> assertThat(t.period()).isEqualTo("2025/26")));
	}

	@Test
	void aGapIsAMeasureOfItsOwnDerivedFromTwoBreakdowns() {
		define("""
				format: golden-thread/measures@1
				measures:
				- code: TEST-NUM
				  title: Pupils achieving expected numeracy levels (P1, P4, P7 combined)
				  polarity: higher-is-better
				  periodType: academic-year
				  dimensions: [SIMD quintile]
				""" + GAP.substring(GAP.indexOf("- code: TEST-NUM-GAP")).replace("  tolerance:", "  gap: {of: TEST-NUM, dimension: SIMD quintile, higher: '5', lower: '1'}\n  tolerance:"));
		this.importer.importCsv(new java.io.StringReader("""
				measure,period,geography,SIMD quintile,value
				TEST-NUM,2021/22,S12000005,5,80.0
				TEST-NUM,2021/22,S12000005,1,68.5
				TEST-NUM,2022/23,S12000005,5,82.0
				TEST-NUM,2022/23,S12000005,1,67.7
				TEST-NUM,2022/23,S12000005,All,65.8
				"""), "nif.csv", null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
		MeasureJudge.Assessment gap = this.judge.assess(this.catalogue.measure("TEST-NUM-GAP").orElseThrow(), Instant.now(),
				LocalDate.of(2023, 1, 1));
		// seed 002, PPL 22 05: "Numeracy Attainment Gap (P1,4,7) has widened to 14.3pp. Stretch aim is 11pp."
		assertThat(gap.trendWording()).isEqualTo(
				"The numeracy attainment gap (P1, P4, P7) between SIMD Q1 and Q5 has widened to 14.3 percentage points against a stretch aim of 11.0 percentage points.");
		assertThat(gap.status().status()).isEqualTo(StatusEngine.Status.OFF_TARGET);
		assertThat(gap.shortTerm()).isEqualTo(StatusEngine.Trend.WORSENING);
		// its values are worked out, never loaded
		assertThatExceptionOfType(ObservationImportException.class).isThrownBy(() -> this.importer.importCsv(
				new java.io.StringReader("measure,period,geography,value\nTEST-NUM-GAP,2022/23,S12000005,14.3\n"), "gap.csv", null, null,
				ObservationImporter.Mode.ALL_OR_NOTHING)).extracting((ex) -> ex.report().errors())
			.isEqualTo(List.of(new ObservationImporter.RowProblem(2, "measure",
					"TEST-NUM-GAP is worked out from the values of TEST-NUM: load those instead")));
		this.jdbc.sql("delete from observation where measure_id = (select id from measure where code = 'TEST-NUM')").update();
		this.jdbc.sql("delete from measure where code = 'TEST-NUM-GAP'").update();
		this.jdbc.sql("delete from measure where code = 'TEST-NUM'").update();
	}

	@Test
	void everyBadDefinitionIsReportedAndNothingChanges() throws Exception {
		String bad = GAP.replace("unit: percentage-points", "unit: furlongs")
			.replace("baseline: {period: 2021/22", "baseline: {period: 2021")
			.replace("title: Numeracy", "description: Numeracy")
			.replace("area: S12000005", "area: S99");
		List<ObservationImporter.RowProblem> problems = assertThatExceptionOfType(ObservationImportException.class)
			.isThrownBy(() -> define(bad)).actual().report().errors();
		assertThat(problems).extracting(ObservationImporter.RowProblem::reason).containsExactly(
				"measure #1 (TEST-NUM-GAP): is missing",
				"measure #1 (TEST-NUM-GAP): 'furlongs' is not one of [percentage, percentage-points, rate, count, money, years, index, percentage-of, minutes]",
				"measure #1 (TEST-NUM-GAP): 'S99' is not a known geography code",
				"measure #1 (TEST-NUM-GAP): '2021' is not an academic year; write it as 2022/23");
		assertThat(this.catalogue.measure("TEST-NUM-GAP")).isEmpty();
		String administrator = this.fixtures.world().administrator();
		this.mvc.perform(multipart("/api/measures/definitions").file(new MockMultipartFile("file", "m.yaml", "application/yaml", bad.getBytes())).with(SignedIn.as(this.users, administrator)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[1].column").value("unit"));
		this.mvc.perform(multipart("/api/measures/definitions").file(new MockMultipartFile("file", "m.yaml", "application/yaml", GAP.getBytes())).with(SignedIn.as(this.users, administrator)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.defined").value(1));
	}

	@Test
	void aNegativeToleranceAnImpossibleTargetAndAKeyGivenTwiceAreRefused() {
		List<String> reasons = assertThatExceptionOfType(ObservationImportException.class)
			.isThrownBy(() -> define(GAP.replace("absolute: 1.5", "absolute: -5").replace("value: 11}", "value: 1e400}")))
			.actual().report().errors().stream().map(ObservationImporter.RowProblem::reason).toList();
		assertThat(reasons).containsExactly(
				"measure #1 (TEST-NUM-GAP): cannot be negative: it is a distance either side of the target",
				"measure #1 (TEST-NUM-GAP): 1E+400 is too large to be a real value (more than 15 digits before the decimal point)");
		assertThatExceptionOfType(ObservationImportException.class)
			.isThrownBy(() -> define(GAP.replace("  kind: performance-measure\n", "  kind: performance-measure\n  kind: population-indicator\n")))
			.satisfies((ex) -> assertThat(ex.report().errors().get(0).reason()).isEqualTo("'kind' is given twice here: give each field once"));
		assertThat(this.catalogue.measure("TEST-NUM-GAP")).isEmpty();
	}


	@Test
	void aTargetWrittenRelativeToTheBaselineOrScotlandIsWorkedOutAndSaysHow() throws Exception {
		// a plan's targets as its plan writes them, before Scotland has a value: the one relative to Scotland cannot be worked out yet
		String relative = GAP.replace("  - {kind: stretch-aim, period: 2022/23, value: 11}\n",
				"  - {kind: long-term, period: by 2026, relative: a 10% reduction on the baseline}\n"
						+ "  - {kind: stretch-aim, period: 2029/30, relative: close the gap to Scotland by half}\n");
		assertThat(assertThatExceptionOfType(ObservationImportException.class).isThrownBy(() -> define(relative)).actual().report().errors())
			.extracting(ObservationImporter.RowProblem::reason)
			.containsExactly("measure #1 (TEST-NUM-GAP): 'close the gap to Scotland by half' is worked out from Scotland's value, and"
					+ " TEST-NUM-GAP has none yet: give the target's figure");
		define(GAP);
		this.importer.importCsv(new java.io.StringReader("measure,period,geography,value\nTEST-NUM-GAP,2021/22,S92000003,9.0\n"), "s.csv", null,
				null, ObservationImporter.Mode.ALL_OR_NOTHING);
		define(relative);
		Measure gap = this.catalogue.measure("TEST-NUM-GAP").orElseThrow();
		assertThat(this.judge.assess(gap, Instant.now(), LocalDate.of(2023, 1, 1)).targetWordings()).containsExactly(
				"Long-term target: 11.7 percentage points by 2025/26, 10% fewer than the 2021/22 baseline of 13.0 percentage points",
				"Stretch aim: 11.0 percentage points by 2029/30, the gap between the 2021/22 baseline of 13.0 percentage points and Scotland's 2021/22 value of 9.0 percentage points closed by half");
		this.mvc.perform(get("/measures/TEST-NUM-GAP")).andExpect(content().string(containsString("10% fewer than the 2021/22 baseline of 13.0 percentage points")));
		// the definitions go out with the words, and come back unchanged
		assertThat(this.definitions.published().measures().stream().filter((m) -> m.code().equals("TEST-NUM-GAP")).findFirst().orElseThrow()
			.targets()).extracting(MeasureFile.TargetEntry::relative)
			.containsExactly("a 10% reduction on the baseline", "close the gap to Scotland by half");
		long changes = this.jdbc.sql("select count(*) from audit_event").query(Long.class).single();
		define(relative);
		assertThat(this.jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(changes);
	}

}
