package scot.goldenthread.search;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** Search and open data: the public finds and downloads what is published, and nothing that is not. */
@SpringBootTest
@AutoConfigureMockMvc
class PublicPortalTests {

	static final String DRAFT_PLAN = """
			format: golden-thread/plan@1
			plan:
			  code: SECRET-PLAN
			  title: Unpublished locality plan
			  type: locality-plan
			  partnership: stirling-urban-north
			  start: 2025-04-01
			  end: 2028-03-31
			  status: draft
			elements:
			- code: O1
			  kind: strategic-outcome
			  title: Hidden outcome about the attainment gap
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	String download(String path) throws Exception {
		MvcResult started = this.mvc.perform(get(path)).andReturn();
		return this.mvc.perform(asyncDispatch(started))
			.andExpect(header().string("Link", containsString("rel=\"license\"")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void searchFindsByWordsLeadAndStatusAndNeverWhatIsUnpublished() throws Exception {
		long draft = this.plans.importFile(new ByteArrayInputStream(DRAFT_PLAN.getBytes(StandardCharsets.UTF_8)), PlanFormat.YAML);
		try {
			searchAsThePublicAndAViewer();
		}
		finally {
			this.plans.delete(draft);
		}
	}

	void searchAsThePublicAndAViewer() throws Exception {
		this.mvc.perform(get("/search").param("q", "attainment gap").accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("PPL 22 05")))
			.andExpect(content().string(containsString("NIF-NUM-GAP")))
			.andExpect(content().string(not(containsString("Hidden outcome"))));
		this.mvc.perform(get("/search").param("q", "attainment gap").with(SignedIn.as(this.users, "committee.member")))
			.andExpect(content().string(containsString("Hidden outcome")));
		this.mvc.perform(get("/search").param("lead", "Chief Social Work Officer").param("status", "action:overdue"))
			.andExpect(content().string(containsString("PPL 22 51")))
			.andExpect(content().string(not(containsString(">PPL 22 05<"))));
		this.mvc.perform(get("/search").param("status", "measure:off-target"))
			.andExpect(content().string(containsString("NIF-NUM-GAP")))
			.andExpect(content().string(containsString("1 result")));
		// what a user typed is shown back escaped
		this.mvc.perform(get("/search").param("q", "<script>x</script>"))
			.andExpect(content().string(containsString("value=\"&lt;script&gt;x&lt;/script&gt;\"")));
	}

	@Test
	void aPartnershipsPageSaysItsVisionAndHowItsPlansAreProgressing() throws Exception {
		this.mvc.perform(get("/partnerships/clackmannanshire-alliance").accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Our vision: Working together to reduce inequality")))
			.andExpect(content().string(containsString("21 not started")))
			.andExpect(content().string(containsString("Measures against target")));
		// each status says what it means
		this.mvc.perform(get("/plans/3").accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Progress is behind the time gone, so it may not be done by its due date.")));
	}

	@Test
	void thePublishedValuesGoRoundTheImporterUnchangedAndNoPrivateOrUnconfirmedValueIsInThem() throws Exception {
		this.jdbc.sql("update measure set public = false where code = 'LOIP-ES-04'").update();
		this.jdbc.sql("update observation set to_confirm = 'far outside its history' where geography = 'S92000003' and measure_id = "
				+ "(select id from measure where code = 'LOIP-ES-03')").update();
		// a note a spreadsheet would run as a formula comes back as it is when the file is imported again
		String clacks = " where geography = 'S12000005' and measure_id = (select id from measure where code = 'LOIP-ES-03')";
		String note = this.jdbc.sql("select note from observation" + clacks).query(String.class).single();
		this.jdbc.sql("update observation set note = '=HYPERLINK(\"http://evil\",\"x\")'" + clacks).update();
		try {
			downloadAndImportAgain();
		}
		finally {
			this.jdbc.sql("update measure set public = true where code = 'LOIP-ES-04'").update();
			this.jdbc.sql("update observation set to_confirm = null").update();
			this.jdbc.sql("update observation set note = ?" + clacks).param(note).update();
		}
	}

	void downloadAndImportAgain() throws Exception {
		// a measure not public is in no page, search or API answer either
		this.mvc.perform(get("/api/measures/LOIP-ES-04")).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
		this.mvc.perform(get("/api/measures")).andExpect(content().string(not(containsString("LOIP-ES-04"))));
		this.mvc.perform(get("/measures/LOIP-ES-04").accept(MediaType.TEXT_HTML))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
		this.mvc.perform(get("/search").param("q", "LOIP-ES-04")).andExpect(content().string(containsString("0 results")));
		String csv = download("/open-data/observations.csv");
		assertThat(csv.lines().findFirst()).hasValue("measure,period,geography,value,status,note");
		assertThat(csv).contains("LOIP-ES-03,2024,S12000005,27,final,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")
			.doesNotContain("LOIP-ES-04").doesNotContain("LOIP-ES-03,2024,S92000003");
		long rows = csv.lines().count() - 1;
		this.mvc.perform(multipart("/api/observations/import").file(new MockMultipartFile("file", "observations.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8))).with(SignedIn.as(this.users, "admin")))
			.andExpect(jsonPath("$.read").value(rows))
			.andExpect(jsonPath("$.unchanged").value(rows))
			.andExpect(jsonPath("$.inserted").value(0))
			.andExpect(jsonPath("$.revised").value(0));
		String json = download("/open-data/observations.json");
		assertThat(json).contains("\"licence\":\"Open Government Licence v3.0\"", "\"measure\":\"NIF-NUM-GAP\"", "\"value\":14.3")
			.doesNotContain("LOIP-ES-04");
		// and the definitions: loading them again records no change at all
		String definitions = download("/open-data/measures.yaml");
		assertThat(definitions).startsWith("# Open Government Licence v3.0").contains("code: \"NIF-NUM-GAP\"").contains("kind: \"stretch-aim\"")
			.doesNotContain("LOIP-ES-04");
		long changes = this.jdbc.sql("select count(*) from audit_event").query(Long.class).single();
		this.mvc.perform(multipart("/api/measures/definitions").file(new MockMultipartFile("file", "measures.yaml", "application/yaml",
				definitions.getBytes(StandardCharsets.UTF_8))).with(SignedIn.as(this.users, "admin")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
		assertThat(this.jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(changes);
		this.mvc.perform(get("/open-data").accept(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Open Government Licence v3.0")))
			.andExpect(content().string(containsString("/plans/3/export?format=yaml")));
	}

}
