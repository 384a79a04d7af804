package scot.goldenthread.search;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanFormat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** Search and open data: the public finds and downloads what is published, and nothing that is not. */
@SpringBootTest
@AutoConfigureMockMvc
class PublicPortalTests {

	static final String DRAFT_PLAN = """
			format: golden-thread/plan@1
			plan:
			  code: TAG-SECRET
			  title: Unpublished locality plan TAG
			  type: locality-plan
			  partnership: PARTNERSHIP
			  start: 2025-04-01
			  end: 2028-03-31
			  status: draft
			elements:
			- code: O1
			  kind: strategic-outcome
			  title: Hidden outcome about the attainment gap TAG
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
	}

	String download(String path) throws Exception {
		MvcResult started = this.mvc.perform(get(path)).andReturn();
		return this.mvc.perform(asyncDispatch(started))
			.andExpect(header().string("Link", containsString("rel=\"license\"")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void searchFindsByWordsLeadAndStatusAndNeverWhatIsUnpublished() throws Exception {
		String tag = this.world.tag();
		String gap = this.world.gap();
		this.plans.importFile(new ByteArrayInputStream(DRAFT_PLAN.replace("TAG", tag).replace("PARTNERSHIP", this.world.plan().partnershipCode())
			.getBytes(StandardCharsets.UTF_8)), PlanFormat.YAML);
		this.jdbc.sql("insert into measure_target (measure_id, kind, period_start, value) select id, 'short-term', '2023-08-01', 13 from measure where code = ?")
			.param(gap).update();
		this.mvc.perform(get("/search").param("q", tag).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString(this.world.plan().title())))
			.andExpect(content().string(containsString(gap)))
			.andExpect(content().string(not(containsString("Hidden outcome"))));
		this.mvc.perform(get("/search").param("q", tag).with(SignedIn.as(this.users, this.world.viewer())))
			.andExpect(content().string(containsString("Hidden outcome")));
		// A3 has no update yet, never "not started"; A1 and A2 are another lead's
		this.mvc.perform(get("/search").param("lead", this.world.element("A3").leads().get(0)).param("status", "action:no-update"))
			.andExpect(content().string(containsString("Publish the attainment gap by locality")))
			.andExpect(content().string(not(containsString("Open nurture groups in every school"))));
		this.mvc.perform(get("/search").param("q", tag).param("status", "measure:off-target"))
			.andExpect(content().string(containsString(gap)))
			.andExpect(content().string(containsString("1 result")));
		// what a user typed is shown back escaped
		this.mvc.perform(get("/search").param("q", "<script>x</script>"))
			.andExpect(content().string(containsString("value=\"&lt;script&gt;x&lt;/script&gt;\"")));
	}

	@Test
	void searchMatchesWordsAsWrittenOrStemmedBestFirstTwentyAPage() throws Exception {
		// the demo's words: stemmed ("attainments" finds attainment), a code, and an exact phrase
		String attainment = text(get("/search").param("q", "numeracy attainment gaps"));
		assertThat(attainment).contains("Numeracy Attainment Gap").containsPattern("\\d+ results");
		assertThat(text(get("/search").param("q", "PPL 22 05"))).contains(">PPL 22 05<");
		assertThat(text(get("/search").param("q", "\"closing the gap\" -numeracy"))).doesNotContain(">Numeracy Attainment Gap<");
		// a search that finds many is paged, with the total, and the next page follows on
		String first = text(get("/search").param("status", "action:on-track"));
		assertThat(first).containsPattern("Showing 1 to 20 of \\d+, best matches first").contains("Page 1 of ", "rel=\"next\"");
		assertThat(text(get("/search").param("status", "action:on-track").param("page", "2"))).contains("Showing 21 to ", "rel=\"prev\"");
		// found by words alone, only the shown page's plans are read: every page together lists each thing found once
		String words = text(get("/search").param("q", "children"));
		Matcher total = Pattern.compile("Showing 1 to 20 of (\\d+),").matcher(words);
		assertThat(total.find()).as("more than a page found").isTrue();
		Set<String> links = new HashSet<>();
		int found = Integer.parseInt(total.group(1));
		for (int page = 1; page <= (found + 19) / 20; page++) {
			Matcher hit = Pattern.compile("class=\"govuk-link gt-wrap\" href=\"([^\"]+)\"")
				.matcher(text(get("/search").param("q", "children").param("page", String.valueOf(page))));
			while (hit.find()) {
				assertThat(links.add(hit.group(1))).as("%s once", hit.group(1)).isTrue();
			}
		}
		assertThat(links).hasSize(found);
		// words PostgreSQL cannot use, or a page past the end, are answered, never an error
		assertThat(text(get("/search").param("q", "the & | ! :*"))).contains("Nothing matches");
		assertThat(text(get("/search").param("status", "action:on-track").param("page", "999"))).contains("Showing ");
	}

	private String text(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void aPartnershipsPageSaysHowItsPlansAreProgressing() throws Exception {
		this.mvc.perform(get("/partnerships/{p}", this.world.plan().partnershipCode()).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString(this.world.plan().title())))
			.andExpect(content().string(containsString("Measures against target")));
		// each status says what it means
		this.mvc.perform(get("/plans/{id}", this.world.plan().id()).accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Progress is behind the time gone, so it may not be done by its due date.")));
	}

	@Test
	void thePublishedValuesGoRoundTheImporterUnchangedAndNoPrivateOrUnconfirmedValueIsInThem() throws Exception {
		String gap = this.world.gap();
		String hidden = this.world.unusedMeasure();
		String administrator = this.world.administrator();
		this.jdbc.sql("update measure set public = false where code = ?").param(hidden).update();
		this.jdbc.sql("""
				insert into observation (measure_id, period_start, geography, breakdown, value, status, to_confirm, recorded_by)
				select id, '2022-08-01', 'S92000003', '', 12.1, 'final', 'far outside its history', 'test' from measure where code = ?""")
			.param(gap).update();
		// a note a spreadsheet would run as a formula comes back as it is when the file is imported again
		this.jdbc.sql("update observation set note = '=HYPERLINK(\"http://evil\",\"x\")' where geography = 'S12000005' and period_start = '2022-08-01' "
				+ "and measure_id = (select id from measure where code = ?)").param(gap).update();

		// a measure not public is in no page, search or API answer either
		this.mvc.perform(get("/api/measures/{m}", hidden)).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
		this.mvc.perform(get("/api/measures")).andExpect(content().string(not(containsString(hidden))));
		this.mvc.perform(get("/measures/{m}", hidden).accept(MediaType.TEXT_HTML))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
		this.mvc.perform(get("/search").param("q", hidden)).andExpect(content().string(containsString("0 results")));
		String csv = download("/open-data/observations.csv");
		// the demo's population is broken down by sex, its people by SIMD quintile
		assertThat(csv.lines().findFirst()).hasValue("measure,period,geography,SIMD quintile,Sex,value,status,note");
		assertThat(csv).contains(gap + ",2022/23,S12000005,,,14.3,final,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")
			.doesNotContain(hidden).doesNotContain(gap + ",2022/23,S92000003");
		long rows = csv.lines().count() - 1;
		this.mvc.perform(multipart("/api/observations/import").file(new MockMultipartFile("file", "observations.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8))).with(SignedIn.as(this.users, administrator)))
			.andExpect(jsonPath("$.read").value(rows))
			.andExpect(jsonPath("$.unchanged").value(rows))
			.andExpect(jsonPath("$.inserted").value(0))
			.andExpect(jsonPath("$.revised").value(0));
		// a part of them: one measure's, one place's, one period's of a measure; the columns fit the part
		String part = download("/open-data/observations.csv?measure=" + gap + "&geography=S12000005&period=2022/23");
		assertThat(part.lines().toList()).hasSize(2).first().isEqualTo("measure,period,geography,value,status,note");
		assertThat(part.lines().skip(1).findFirst().orElseThrow()).startsWith(gap + ",2022/23,S12000005,14.3,final,");
		assertThat(download("/open-data/observations.csv?measure=" + gap).lines().skip(1)).allMatch((l) -> l.startsWith(gap + ","))
			.hasSizeGreaterThan(1);
		assertThat(download("/open-data/observations.json?geography=S12000005")).contains("\"measure\":\"" + gap + "\"")
			.doesNotContain("\"geography\":\"S92000003\"");
		this.mvc.perform(get("/open-data/observations.csv").param("period", "2022/23"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest());
		this.mvc.perform(get("/open-data/observations.csv").param("measure", gap).param("period", "last year"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest());
		this.mvc.perform(get("/open-data/observations.csv").param("measure", hidden))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
		String json = download("/open-data/observations.json");
		assertThat(json).contains("\"licence\":\"Open Government Licence v3.0\"", "\"measure\":\"" + gap + "\"", "\"value\":14.3")
			.doesNotContain(hidden);
		// and the definitions: loading them again records no change at all
		String definitions = download("/open-data/measures.yaml");
		assertThat(definitions).startsWith("# Open Government Licence v3.0").contains("code: \"" + gap + "\"").contains("kind: \"stretch-aim\"")
			.doesNotContain(hidden);
		long changes = this.jdbc.sql("select count(*) from audit_event").query(Long.class).single();
		this.mvc.perform(multipart("/api/measures/definitions").file(new MockMultipartFile("file", "measures.yaml", "application/yaml",
				definitions.getBytes(StandardCharsets.UTF_8))).with(SignedIn.as(this.users, administrator)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
		assertThat(this.jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(changes);
		this.mvc.perform(get("/open-data").accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Open Government Licence v3.0")))
			.andExpect(content().string(containsString("/plans/" + this.world.plan().id() + "/export?format=yaml")));
	}

}
