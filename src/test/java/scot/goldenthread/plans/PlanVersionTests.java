package scot.goldenthread.plans;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.progress.ProgressUpdates;
import scot.goldenthread.progress.ReportingPeriod;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A plan refreshed as a new version of the same plan: the elements it keeps keep their updates, one it leaves out is
 * withdrawn but stays in the reports of the version it was in, and the history says what changed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanVersionTests {

	static final String PLAN = """
			format: golden-thread/plan@1
			plan:
			  code: TEST-VERSIONS
			  title: A plan refreshed
			  type: thematic-plan
			  partnership: PARTNERSHIP
			  start: 2025-04-01
			  end: 2028-03-31
			  status: approved
			elements:
			- code: P1
			  kind: priority
			  title: Older people stay well at home
			  children:
			  - code: A1
			    kind: action
			    title: Open two lunch clubs
			    due: 2026-03-31
			    progress: 40
			    leads: [LEAD]
			  - code: A2
			    kind: action
			    title: Run falls prevention classes
			    due: 2026-03-31
			    leads: [LEAD]
			""";

	/** The refresh: A1 reworded and given a later date (its progress is the updates' to give), A2 left out, A3 added. */
	static final String REFRESHED = PLAN.replace("progress: 40", "progress: 5").replace("title: Open two lunch clubs\n    due: 2026-03-31", "title: Open four lunch clubs\n    due: March 2027")
		.replace("""
				  - code: A2
				    kind: action
				    title: Run falls prevention classes
				    due: 2026-03-31
				""", """
				  - code: A3
				    kind: action
				    title: Offer befriending by telephone
				    due: 2027-03-31
				""");

	@Autowired
	PlanCatalogue catalogue;

	@Autowired
	ProgressUpdates updates;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	long id;

	String lead;

	@BeforeEach
	void importThePlan() {
		this.world = this.fixtures.world();
		this.lead = this.world.element("A1").leads().get(0);
		this.id = this.catalogue.importFile(new ByteArrayInputStream(mine(PLAN).getBytes(StandardCharsets.UTF_8)), PlanFormat.YAML);
	}

	@AfterEach
	void deleteThePlan() {
		this.catalogue.delete(this.id);
	}

	@Test
	void aRefreshedPlanIsANewVersionWithItsHistoryAndPastReportsShowTheVersionThenInForce() throws Exception {
		Plan plan = this.catalogue.plan(this.id).orElseThrow();
		ReportingPeriod yearEnd = this.updates.recordPeriod(plan, "Year end 2025/26", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 15),
				LocalDate.of(2026, 4, 30), OffsetDateTime.parse("2026-05-01T09:00:00Z"), this.world.owner());
		OffsetDateTime approved = OffsetDateTime.parse("2026-04-20T12:00:00Z");
		long a1 = element("A1").id();
		long a2 = element("A2").id();
		this.updates.recordApproved(a1, yearEnd, 100, Assessment.COMPLETED, "Both clubs open.", this.world.lead(), this.world.owner(), approved);
		this.updates.recordApproved(a2, yearEnd, 60, Assessment.ON_TRACK, "Classes run in three places.", this.world.lead(), this.world.owner(),
				approved);
		assertThat(page("/plans/" + this.id)).contains("Version 1, in force from 1 April 2025");

		this.mvc.perform(newVersion(mine(REFRESHED), "1", "6", "2026", "Refreshed after the 2026 needs assessment."))
			.andExpect(redirectedUrl("/plans/" + this.id + "/versions"))
			.andExpect(flash().attribute("done", "Version 2 of the plan is made, in force from 1 June 2026."));

		// the same plan, the kept element the same element with its updates, the one left out gone from it
		assertThat(this.catalogue.plans().stream().filter((p) -> p.code().equals("TEST-VERSIONS")).count()).isEqualTo(1);
		assertThat(element("A1").id()).isEqualTo(a1);
		assertThat(element("A1").title()).isEqualTo("Open four lunch clubs");
		assertThat(element("A1").progress()).isEqualTo(40);
		assertThat(this.catalogue.tree(this.id).orElseThrow().elements()).extracting(PlanElement::code).containsExactly("P1", "A1", "A3");
		assertThat(page("/plans/" + this.id)).contains("Version 2, in force from 1 June 2026", "Every version and what changed");
		assertThat(page("/plans/" + this.id + "/versions")).contains("Refreshed after the 2026 needs assessment.",
				"In force from 1 June 2026", "In force from 1 April 2025 to 31 May 2026", "What changed from version 1",
				"<td class=\"govuk-table__cell\">Reworded</td>", "Open two lunch clubs", "Open four lunch clubs",
				"<td class=\"govuk-table__cell\">Target changed</td>", "Due: 2026-03-31", "Due: March 2027",
				"<td class=\"govuk-table__cell\">Removed</td>", "Run falls prevention classes",
				"<td class=\"govuk-table__cell\">Added</td>", "Offer befriending by telephone");
		assertThat(this.jdbc.sql("select summary from audit_event where entity_type = 'plan' and entity_id = ? order by id desc limit 1")
			.param(String.valueOf(this.id)).query(String.class).single()).isEqualTo("Made version 2 of plan TEST-VERSIONS, in force from 2026-06-01");

		// as at the year end, the plan as version 1 set it out, with what its leads said then
		assertThat(page("/plans/" + this.id + "/report?period=" + yearEnd.id())).contains("The plan as version 1 set it out, in force from 1 April 2025 to 31 May 2026", "Open two lunch clubs", "Run falls prevention classes", "Classes run in three places.")
			.doesNotContain("Open four lunch clubs", "Offer befriending by telephone");
		assertThat(page("/plans/" + this.id + "/report")).contains("Open four lunch clubs", "Offer befriending by telephone")
			.doesNotContain("Run falls prevention classes", "version 1 set it out");
		assertThat(page("/plans/" + this.id + "/versions/1/file?format=yaml")).contains("title: Open two lunch clubs",
				"title: Run falls prevention classes");
		this.mvc.perform(get("/api/plans/" + this.id + "/versions"))
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[1].inForceFrom").value("2026-06-01"))
			.andExpect(jsonPath("$[1].changes[?(@.kind == 'removed')].code").value("A2"));
	}

	@Test
	void aVersionWithProblemsIsRefusedWholeWithEachProblemNamed() throws Exception {
		String page = this.mvc.perform(newVersion(mine(REFRESHED).replace("code: TEST-VERSIONS", "code: TEST-OTHER"), "1", "2", "2025", null))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("No new version was made", "is &#39;TEST-OTHER&#39;: a new version of plan TEST-VERSIONS keeps its code",
				"must be after 2025-04-01, when version 1 came into force");
		String missing = this.mvc.perform(newVersion(mine(REFRESHED), "", "", "", null))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(missing).contains("Enter the day the new version comes into force");
		assertThat(this.catalogue.versions(this.id)).hasSize(1);
		assertThat(this.catalogue.tree(this.id).orElseThrow().elements()).extracting(PlanElement::title).contains("Run falls prevention classes");
		// only the plan's owner may make one
		this.mvc.perform(newVersion(mine(REFRESHED), "1", "6", "2026", null).with(SignedIn.as(this.users, this.world.lead())))
			.andExpect(status().isForbidden());
	}

	private MockMultipartHttpServletRequestBuilder newVersion(String yaml, String day, String month, String year, String note) {
		MockMultipartHttpServletRequestBuilder request = multipart("/plans/{id}/versions", this.id);
		request.file(new MockMultipartFile("file", "refreshed.yaml", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8)))
			.param("inForceFrom.day", day).param("inForceFrom.month", month).param("inForceFrom.year", year)
			.with(SignedIn.as(this.users, this.world.owner()));
		if (note != null) {
			request.param("note", note);
		}
		return request;
	}

	private String mine(String yaml) {
		return yaml.replace("PARTNERSHIP", this.world.plan().partnershipCode()).replace("LEAD", this.lead);
	}

	private PlanElement element(String code) {
		List<PlanElement> elements = this.catalogue.tree(this.id).orElseThrow().elements();
		return elements.stream().filter((e) -> e.code().equals(code)).findFirst().orElseThrow();
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
