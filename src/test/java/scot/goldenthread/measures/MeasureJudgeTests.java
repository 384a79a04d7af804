package scot.goldenthread.measures;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.measures.StatusEngine.Status;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A measure is judged with what was in force at the moment asked about. */
@SpringBootTest
@AutoConfigureMockMvc
class MeasureJudgeTests {

	@Autowired
	MeasureJudge judge;

	@Autowired
	MeasureCatalogue catalogue;

	@Autowired
	ObservationImporter importer;

	@Autowired
	MeasureDefinitions definitions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	/** The world's measure no plan uses: a percentage by calendar year, higher is better, with no values yet. */
	String code;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
		this.code = this.world.unusedMeasure();
	}

	void load(String csv) {
		this.importer.importCsv(new StringReader(csv.replace("CODE", this.code)), "t.csv", null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
	}

	@Test
	void changingAToleranceOrRevisingAValueDoesNotRewriteAPastJudgement() throws Exception {
		Measure measure = this.catalogue.measure(this.code).orElseThrow();
		load("""
				measure,period,geography,value
				CODE,2021,S12000005,72
				CODE,2022,S12000005,73
				CODE,2022,S92000003,80
				""");
		this.jdbc.sql("insert into measure_target (measure_id, kind, period_start, value, valid_from) values (?, 'short-term', '2022-01-01', 74, now() - interval '1 day')")
			.param(measure.id()).update();
		this.jdbc.sql("insert into measure_tolerance (measure_id, valid_from, percent, amount) values (?, now() - interval '1 day', true, 5)")
			.param(measure.id()).update();
		Instant committee = Instant.now();
		Thread.sleep(5);
		MeasureJudge.Assessment then = this.judge.assess(measure, committee, LocalDate.of(2023, 6, 1));
		assertThat(then.status().status()).isEqualTo(Status.WITHIN_TOLERANCE);
		assertThat(then.statusWording()).isEqualTo("Within tolerance: 73.0% in 2022 against a short-term target of 74.0% by 2022");
		assertThat(then.trendWording()).isEqualTo("Improving compared with last year: 73.0% against 72.0%");
		assertThat(then.comparison()).isEqualTo(StatusEngine.Comparison.WORSE);

		// later: the tolerance is tightened and the value revised
		this.jdbc.sql("insert into measure_tolerance (measure_id, valid_from, percent, amount) values (?, now(), true, 0)")
			.param(measure.id()).update();
		load("measure,period,geography,value\nCODE,2022,S12000005,72.5\n");
		MeasureJudge.Assessment now = this.judge.assess(measure, Instant.now(), LocalDate.of(2023, 6, 1));
		assertThat(now.status().status()).isEqualTo(Status.OFF_TARGET);
		assertThat(now.latest().orElseThrow().value()).isEqualTo(72.5);
		MeasureJudge.Assessment again = this.judge.assess(measure, committee, LocalDate.of(2023, 6, 1));
		assertThat(again.statusWording()).isEqualTo(then.statusWording());
		assertThat(again.latest().orElseThrow().value()).isEqualTo(73.0);
		this.mvc.perform(get("/api/measures/" + this.code + "?asAt=" + committee))
			.andExpect(jsonPath("$.statusWording").value(then.statusWording()));
		this.mvc.perform(get("/api/measures/" + this.code)).andExpect(jsonPath("$.status").value("off-target"));
		this.mvc.perform(get("/api/measures/" + this.code + "?asAt=last-year")).andExpect(status().isBadRequest());
	}

	@Test
	void theApiGivesTheDefinitionLatestValueStatusAndTrendAndImportsFiles() throws Exception {
		String administrator = this.world.administrator();
		String csv = "measure,period,geography,value\n" + this.code + ",2021,S12000005,72\n" + this.code + ",2022,S12000005,73\n";
		this.mvc.perform(multipart("/api/observations/import").file(new MockMultipartFile("file", "w.csv", "text/csv", csv.getBytes())).with(SignedIn.as(this.users, administrator)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.read").value(2))
			.andExpect(jsonPath("$.inserted").value(2));
		this.mvc.perform(multipart("/api/observations/import").file(new MockMultipartFile("file", "w.csv", "text/csv", (csv + this.code + ",2023/24,S12000005,x\n").getBytes())).with(SignedIn.as(this.users, administrator)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].line").value(4))
			.andExpect(jsonPath("$.errors[0].column").value("period"))
			.andExpect(jsonPath("$.errors[1].reason").value("has no value ('x')"))
			.andExpect(jsonPath("$.report.inserted").value(0));
		this.mvc.perform(get("/api/measures/" + this.code))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("A measure no plan uses " + this.world.tag()))
			.andExpect(jsonPath("$.polarity").value("higher-is-better"))
			.andExpect(jsonPath("$.latest.period").value("2022"))
			.andExpect(jsonPath("$.latest.value").value(73.0))
			.andExpect(jsonPath("$.status").value("no-target"))
			.andExpect(jsonPath("$.shortTermTrend").value("improving"));
		this.mvc.perform(get("/api/measures/" + this.code + "/observations?from=2022&geography=S12000005"))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].period").value("2022"));
		this.mvc.perform(get("/api/measures/" + this.code + "/observations?from=2022/23")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/measures/NOPE")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/measures?size=1000")).andExpect(jsonPath("$[*].code", hasItems(this.code, this.world.gap())));
	}


	@Test
	void aMeasureJudgedOnItsRollingAverageIsComparedOnScotlandsToo() throws Exception {
		this.definitions.define(new java.io.ByteArrayInputStream(("format: golden-thread/measures@1\nmeasures:\n- {code: " + this.code
				+ ", rollingYears: 3}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)), "rolling.yaml");
		load("""
				measure,period,geography,value
				CODE,2020,S12000005,60
				CODE,2021,S12000005,72
				CODE,2022,S12000005,75
				CODE,2023,S12000005,66
				CODE,2021,S92000003,70
				CODE,2022,S92000003,71
				CODE,2023,S92000003,72
				""");
		MeasureJudge.Assessment rolling = this.judge.assess(this.catalogue.measure(this.code).orElseThrow(), Instant.now(), LocalDate.of(2024, 6, 1));
		assertThat(rolling.series()).extracting(StatusEngine.Point::value).containsExactly(69.0, 71.0);
		assertThat(rolling.scotland()).extracting(StatusEngine.Point::value).containsExactly(71.0);
		assertThat(rolling.comparison()).isEqualTo(StatusEngine.Comparison.SIMILAR);
		this.mvc.perform(get("/measures/" + this.code)).andExpect(content().string(containsString("Its rolling average over 3 periods")));
	}

}
