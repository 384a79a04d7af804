package scot.goldenthread.measures;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;

import java.io.StringReader;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	String gap;

	/** The world's gap, widening 0.4pp a year since 2020/21, with Scotland's values beside it, and a short-term target as well as its stretch aim. */
	@BeforeEach
	void load() {
		this.world = this.fixtures.world();
		this.gap = this.world.gap();
		this.importer.importCsv(new StringReader("""
				measure,period,geography,value
				%s,2020/21,S12000005,13.5
				%s,2021/22,S92000003,12.0
				%s,2022/23,S92000003,12.1
				""".formatted(this.gap, this.gap, this.gap)), "t.csv", null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
		this.jdbc.sql("insert into measure_target (measure_id, kind, period_start, value) select id, 'short-term', '2023-08-01', 13 from measure where code = ?")
			.param(this.gap).update();
	}

	@Test
	void aMeasurePageSaysItsStatusAndTrendInPlainEnglishWithAChartAndItsData() throws Exception {
		this.mvc.perform(get("/measures/{m}", this.gap).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Numeracy gap " + this.world.tag()),
					containsString("Getting worse compared with last year: 14.3 percentage points against 13.9 percentage points"),
					containsString("Off target: 14.3 percentage points in 2022/23 against a short-term target of 13.0 percentage points by 2023/24"),
					containsString("Compared with Scotland</dt><dd class=\"govuk-summary-list__value\">Worse"),
					containsString("chart.svg"), containsString("The values in the chart"), containsString("Key to the symbols"),
					containsString("Used in plans"), containsString("Action A1: Open nurture groups in every school"),
					containsString("At the present rate it would be 14.7 percentage points by 2023/24, not the short-term target of 13.0 percentage points (the trend of the last 3 values)"),
					containsString("At the present rate it would be 15.5 percentage points by 2025/26, not the stretch aim of 11.0 percentage points (the trend of the last 3 values)"))));
		this.mvc.perform(get("/api/measures/{m}", this.gap))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.forecasts[1]")
				.value("At the present rate it would be 15.5 percentage points by 2025/26, not the stretch aim of 11.0 percentage points (the trend of the last 3 values)"));
		this.mvc.perform(get("/measures/{m}/chart.svg", this.gap))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/svg+xml"))
			.andExpect(content().string(allOf(containsString("<svg"), containsString("Clackmannanshire"), containsString("Scotland"),
					containsString("Forecast"), containsString("Target"))));
	}

	@Test
	void aTargetIsShownBeforeAnyValueExists() throws Exception {
		this.jdbc.sql("insert into measure_target (measure_id, kind, period_start, value) select id, 'short-term', '2027-01-01', 75 from measure where code = ?")
			.param(this.world.unusedMeasure()).update();
		this.mvc.perform(get("/measures/{m}", this.world.unusedMeasure()).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("No data yet: a short-term target of 75.0% by 2027")));
	}

	@Test
	void theMeasureListShowsThoseWithDataFirstAPageAtATimeAndNarrowsByPlanStatusTrendAndData() throws Exception {
		// enough measures for a second page, whatever else the database holds
		for (int n = 0; n < 2; n++) {
			this.fixtures.world();
		}
		String first = html("/measures");
		assertThat(first).contains("Showing 1 to 50 of ", " measures, those with data first.", "rel=\"next\"")
			.doesNotContain("rel=\"prev\"");
		String second = html("/measures?page=2");
		assertThat(second).contains("Showing 51 to ", "rel=\"prev\"");
		assertThat(html("/measures?page=999")).contains("Page " + second.replaceAll("(?s).*Page 2 of (\\d+).*", "$1") + " of ");

		String code = this.world.plan().code();
		assertThat(html("/measures?withData=true")).contains("matching measures").doesNotContain("No data yet");
		assertThat(html("/measures?plan=" + code)).contains(this.gap).doesNotContain(this.world.unusedMeasure());
		assertThat(html("/measures?status=off-target&trend=worsening&plan=" + code)).contains(this.gap, "off target")
			.doesNotContain("No data yet");
		assertThat(html("/measures?status=on-target&trend=improving&plan=" + code)).contains("No measure matches what you chose.");
		// the public is offered only plans it may see
		assertThat(first).contains("<option value=\"" + code + "\"");
		// the API narrows the same way; a blank choice is no choice
		assertThat(this.mvc.perform(get("/api/measures").param("plan", code).param("status", "")).andReturn().getResponse()
			.getContentAsString()).contains("\"code\":\"" + this.gap + "\"").doesNotContain(this.world.unusedMeasure());
		assertThat(this.mvc.perform(get("/api/measures").param("withData", "true").param("trend", "worsening")).andReturn().getResponse()
			.getContentAsString()).contains("\"code\":\"" + this.gap + "\"").doesNotContain("\"status\":\"no-data\"");
		// by partnership: the fixture partnership's plans use the gap and nothing else of the fixture's
		String partnership = this.world.plan().partnershipCode();
		assertThat(html("/measures?partnership=" + partnership)).contains("<option value=\"" + partnership + "\" selected", this.gap)
			.doesNotContain(this.world.unusedMeasure());
		// by the national outcome the elements using a measure serve: the fixture's outcome O1 is aligned to Children and
		// Young People, and its action A1 under it uses the gap
		assertThat(html("/measures?outcome=children-and-young-people")).contains(this.gap, "<option value=\"children-and-young-people\" selected");
		assertThat(html("/measures?outcome=culture&partnership=" + partnership)).contains("No measure matches what you chose.");
		// by the strategic outcome a measure is used under, however deep: A1 is under O1, Children flourish
		assertThat(html("/measures?strategicOutcome=" + code + "/O1")).contains(this.gap, "<option value=\"" + code + "/O1\" selected")
			.contains("Children flourish (" + this.world.plan().title() + ")").doesNotContain(this.world.unusedMeasure());
		assertThat(html("/measures?strategicOutcome=" + code + "/O1&outcome=culture")).contains("No measure matches what you chose.");
		this.mvc.perform(get("/api/measures").param("strategicOutcome", code + "/O1"))
			.andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].code").value(this.gap));
		this.mvc.perform(get("/api/measures").param("outcome", "children-and-young-people").param("size", "1000"))
			.andExpect(content().string(containsString("\"code\":\"" + this.gap + "\"")));
		// a page at a time, with how many matched and links to the others
		String total = first.replaceAll("(?s).*Showing 1 to 50 of (\\d+) measures.*", "$1");
		this.mvc.perform(get("/api/measures").param("size", "2").param("page", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(header().string("X-Total-Count", String.valueOf(total)))
			.andExpect(header().string("Link", org.hamcrest.Matchers.allOf(containsString("page=1>; rel=\"prev\""),
					containsString("page=3>; rel=\"next\""), containsString("rel=\"last\""))));
		this.mvc.perform(get("/api/measures").param("partnership", partnership)).andExpect(jsonPath("$[0].code").value(this.gap))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(header().string("X-Total-Count", "1"));
		this.mvc.perform(get("/api/measures").param("size", "5000")).andExpect(status().isBadRequest());
	}

	String html(String path) throws Exception {
		return this.mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	@Test
	void theLeadsCommentaryIsTheStoryBehindTheData() throws Exception {
		String lead = this.world.lead();
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/measures/{m}/commentary", this.gap)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"period\": \"2022/23\", \"text\": \"The gap widened:\\n- <b>fewer</b> tutors\"}").with(SignedIn.as(this.users, lead)))
			.andExpect(status().isCreated())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.periodLabel").value("2022/23"));
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/measures/{m}/commentary", this.gap)
			.contentType(MediaType.APPLICATION_JSON).content("{\"period\": \"2022\", \"text\": \"x\"}").with(SignedIn.as(this.users, lead)))
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail").value(containsString("'2022' is not an academic year")));
		this.mvc.perform(get("/measures/{m}", this.gap).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(allOf(containsString("The story behind the data"), containsString("The gap widened:"),
					containsString("<li>&lt;b&gt;fewer&lt;/b&gt; tutors</li>"), containsString("Written by " + lead))));
	}

	@Test
	void aPlansDashboardShowsItsMeasuresInAColumnForEachStrategicOutcomeWithTheirTargets() throws Exception {
		this.mvc.perform(get("/plans/{id}/dashboard", this.world.plan().id()).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Strategic outcome: Children flourish"),
					containsString("Numeracy gap " + this.world.tag()), containsString("14.3 percentage points in 2022/23"), containsString("· target 13.0 percentage points by 2023/24"))));
	}

}
