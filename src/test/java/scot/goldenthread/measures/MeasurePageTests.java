package scot.goldenthread.measures;

import scot.goldenthread.SignedIn;

import java.io.StringReader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class MeasurePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ObservationImporter importer;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void load() {
		this.importer.importCsv(new StringReader("""
				measure,period,geography,value
				LOIP-PL-01,2021/22,S12000005,28
				LOIP-PL-01,2022/23,S12000005,27
				LOIP-PL-01,2021/22,S92000003,18
				LOIP-PL-01,2022/23,S92000003,18
				"""), "t.csv", null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
		this.jdbc.sql("insert into measure_target (measure_id, kind, period_start, value) select id, 'short-term', '2023-04-01', 25 from measure where code = 'LOIP-PL-01'")
			.update();
	}

	@AfterEach
	void clean() {
		this.jdbc.sql("delete from observation where measure_id = (select id from measure where code = 'LOIP-PL-01')").update();
		this.jdbc.sql("delete from measure_target where measure_id = (select id from measure where code = 'LOIP-PL-01')").update();
	}

	@Test
	void aMeasurePageSaysItsStatusAndTrendInPlainEnglishWithAChartAndItsData() throws Exception {
		this.mvc.perform(get("/measures/LOIP-PL-01").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("% Recorded crimes per population"),
					containsString("Improving compared with last year: 27.0% against 28.0%"),
					containsString("Off target: 27.0% in 2022/23 against a short-term target of 25.0% by 2023/24"),
					containsString("Compared with Scotland</dt><dd class=\"govuk-summary-list__value\">Worse"),
					containsString("chart.svg"), containsString("The values in the chart"), containsString("Key to the symbols"),
					containsString("Used in plans"), containsString("Strategic outcome PL: Places"))));
		this.mvc.perform(get("/measures/LOIP-PL-01/chart.svg"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/svg+xml"))
			.andExpect(content().string(allOf(containsString("<svg"), containsString("Clackmannanshire"), containsString("Scotland"))));
		this.mvc.perform(get("/measures").accept(MediaType.TEXT_HTML))
			.andExpect(content().string(allOf(containsString("27.0% (2022/23)"), containsString("No data yet"))));
	}

	@Test
	void theMeasureListShowsThoseWithDataFirstAPageAtATimeAndNarrowsByPlanStatusTrendAndData() throws Exception {
		String first = html("/measures");
		assertThat(first).contains("Showing 1 to 50 of ", " measures, those with data first.", "rel=\"next\"")
			.doesNotContain("rel=\"prev\"");
		// a measure with data comes before every one without
		assertThat(first.indexOf("LOIP-PL-01")).isPositive().isLessThan(first.indexOf("No data yet"));
		String second = html("/measures?page=2");
		assertThat(second).contains("Showing 51 to ", "rel=\"prev\"");
		assertThat(html("/measures?page=999")).contains("Page " + second.replaceAll("(?s).*Page 2 of (\\d+).*", "$1") + " of ");

		assertThat(html("/measures?withData=true")).contains("LOIP-PL-01", "matching measures").doesNotContain("No data yet");
		assertThat(html("/measures?plan=PPL-2022-23")).contains("NIF-NUM-GAP").doesNotContain("LOIP-PL-01");
		assertThat(html("/measures?status=off-target&trend=improving")).contains("LOIP-PL-01", "off target")
			.doesNotContain("No data yet");
		assertThat(html("/measures?status=on-target&trend=worsening&plan=PPL-2022-23")).contains("No measure matches what you chose.");
		// the public is offered only plans it may see
		assertThat(first).contains("<option value=\"PPL-2022-23\"");
		// the API narrows the same way; a blank choice is no choice
		assertThat(this.mvc.perform(get("/api/measures").param("plan", "PPL-2022-23").param("status", "")).andReturn().getResponse()
			.getContentAsString()).contains("\"code\":\"NIF-NUM-GAP\"").doesNotContain("LOIP-PL-01");
		assertThat(this.mvc.perform(get("/api/measures").param("withData", "true").param("trend", "improving")).andReturn().getResponse()
			.getContentAsString()).contains("\"code\":\"LOIP-PL-01\"").doesNotContain("\"status\":\"no-data\"");
	}

	String html(String path) throws Exception {
		return this.mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	@Test
	void theLeadsCommentaryIsTheStoryBehindTheData() throws Exception {
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/measures/LOIP-PL-01/commentary")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"period\": \"2022/23\", \"text\": \"Fewer crimes were recorded:\\n- <b>more</b> patrols\"}").with(SignedIn.as(this.users, "admin")))
			.andExpect(status().isCreated())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.periodLabel").value("2022/23"));
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/measures/LOIP-PL-01/commentary")
			.contentType(MediaType.APPLICATION_JSON).content("{\"period\": \"2022\", \"text\": \"x\"}").with(SignedIn.as(this.users, "admin")))
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail").value("'2022' is not a financial year; write it as 2022/23"));
		this.mvc.perform(get("/measures/LOIP-PL-01").accept(MediaType.TEXT_HTML))
			.andExpect(content().string(allOf(containsString("The story behind the data"), containsString("Fewer crimes were recorded:"),
					containsString("<li>&lt;b&gt;more&lt;/b&gt; patrols</li>"), containsString("Written by admin"))));
		this.jdbc.sql("delete from measure_commentary").update();
	}

	@Test
	void theLoipDashboardShowsItsMeasuresInAColumnForEachStrategicOutcome() throws Exception {
		long loip = this.jdbc.sql("select id from plan where code = 'LOIP-2024-34'").query(Long.class).single();
		this.mvc.perform(get("/plans/" + loip + "/dashboard").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Strategic outcome: Wellbeing"),
					containsString("Strategic outcome: Economy and Skills"), containsString("Strategic outcome: Places"),
					containsString("% of adults who participate in weekly volunteering."),
					containsString("27.0% in 2022/23"), containsString("· target 25.0% by 2023/24"))));
	}

}
