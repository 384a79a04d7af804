package scot.goldenthread.measures;

import scot.goldenthread.SignedIn;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
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
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@AfterEach
	void clean() {
		this.jdbc.sql("delete from observation where measure_id = (select id from measure where code = 'LOIP-PL-01')").update();
		this.jdbc.sql("delete from measure_target where measure_id = (select id from measure where code = 'LOIP-PL-01')").update();
		this.jdbc.sql("delete from measure_tolerance where measure_id = (select id from measure where code = 'LOIP-PL-01')").update();
	}

	Measure crimes() {
		return this.catalogue.measure("LOIP-PL-01").orElseThrow();
	}

	void load(String csv) {
		this.importer.importCsv(new StringReader(csv), "t.csv", null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
	}

	@Test
	void changingAToleranceOrRevisingAValueDoesNotRewriteAPastJudgement() throws Exception {
		Measure measure = crimes();
		load("""
				measure,period,geography,value
				LOIP-PL-01,2021/22,S12000005,28
				LOIP-PL-01,2022/23,S12000005,27
				LOIP-PL-01,2022/23,S92000003,18
				""");
		this.jdbc.sql("insert into measure_target (measure_id, kind, period_start, value, valid_from) values (?, 'short-term', '2022-04-01', 26, now() - interval '1 day')")
			.param(measure.id()).update();
		this.jdbc.sql("insert into measure_tolerance (measure_id, valid_from, percent, amount) values (?, now() - interval '1 day', true, 5)")
			.param(measure.id()).update();
		Instant committee = Instant.now();
		Thread.sleep(5);
		MeasureJudge.Assessment then = this.judge.assess(measure, committee, LocalDate.of(2023, 6, 1));
		assertThat(then.status().status()).isEqualTo(Status.WITHIN_TOLERANCE);
		assertThat(then.statusWording()).isEqualTo("Within tolerance: 27.0% in 2022/23 against a short-term target of 26.0% by 2022/23");
		assertThat(then.trendWording()).isEqualTo("Improving compared with last year: 27.0% against 28.0%");
		assertThat(then.comparison()).isEqualTo(StatusEngine.Comparison.WORSE);

		// later: the tolerance is tightened and the value revised
		this.jdbc.sql("insert into measure_tolerance (measure_id, valid_from, percent, amount) values (?, now(), true, 0)")
			.param(measure.id()).update();
		load("measure,period,geography,value\nLOIP-PL-01,2022/23,S12000005,27.5\n");
		MeasureJudge.Assessment now = this.judge.assess(measure, Instant.now(), LocalDate.of(2023, 6, 1));
		assertThat(now.status().status()).isEqualTo(Status.OFF_TARGET);
		assertThat(now.latest().orElseThrow().value()).isEqualTo(27.5);
		MeasureJudge.Assessment again = this.judge.assess(measure, committee, LocalDate.of(2023, 6, 1));
		assertThat(again.statusWording()).isEqualTo(then.statusWording());
		assertThat(again.latest().orElseThrow().value()).isEqualTo(27.0);
		this.mvc.perform(get("/api/measures/LOIP-PL-01?asAt=" + committee))
			.andExpect(jsonPath("$.statusWording").value(then.statusWording()));
		this.mvc.perform(get("/api/measures/LOIP-PL-01")).andExpect(jsonPath("$.status").value("off-target"));
		this.mvc.perform(get("/api/measures/LOIP-PL-01?asAt=last-year")).andExpect(status().isBadRequest());
	}

	@Test
	void theApiGivesTheDefinitionLatestValueStatusAndTrendAndImportsFiles() throws Exception {
		String csv = "measure,period,geography,value\nLOIP-PL-01,2021/22,S12000005,28\nLOIP-PL-01,2022/23,S12000005,27\n";
		this.mvc.perform(multipart("/api/observations/import").file(new MockMultipartFile("file", "w.csv", "text/csv", csv.getBytes())).with(SignedIn.as(this.users, "admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.read").value(2))
			.andExpect(jsonPath("$.inserted").value(2));
		this.mvc.perform(multipart("/api/observations/import").file(new MockMultipartFile("file", "w.csv", "text/csv", (csv + "LOIP-PL-01,2023,S12000005,x\n").getBytes())).with(SignedIn.as(this.users, "admin")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].line").value(4))
			.andExpect(jsonPath("$.errors[0].column").value("period"))
			.andExpect(jsonPath("$.errors[1].reason").value("'x' is not a number"))
			.andExpect(jsonPath("$.report.inserted").value(0));
		this.mvc.perform(get("/api/measures/LOIP-PL-01"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("% Recorded crimes per population"))
			.andExpect(jsonPath("$.polarity").value("lower-is-better"))
			.andExpect(jsonPath("$.latest.period").value("2022/23"))
			.andExpect(jsonPath("$.latest.value").value(27.0))
			.andExpect(jsonPath("$.status").value("no-target"))
			.andExpect(jsonPath("$.shortTermTrend").value("improving"));
		this.mvc.perform(get("/api/measures/LOIP-PL-01/observations?from=2022/23&geography=S12000005"))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].period").value("2022/23"));
		this.mvc.perform(get("/api/measures/LOIP-PL-01/observations?from=2022")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/measures/NOPE")).andExpect(status().isNotFound());
		// the plans' 74 and seed 002's numeracy gap
		this.mvc.perform(get("/api/measures")).andExpect(jsonPath("$.length()").value(75));
	}

}
