package scot.goldenthread.plans;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An action run as an improvement project: its aim, team, phase, change ideas and measures by the part they play show on
 * its page and in the API, the file keeps them in every format, and an approved update moves it to its next phase, which
 * the progress report shows.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImprovementProjectTests {

	static final String PLAN = """
			format: golden-thread/plan@1
			plan:
			  code: TEST-QI
			  title: A plan with an improvement project
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
			  - code: QI1
			    kind: action
			    title: Fewer falls in care homes
			    start: 2025-04-01
			    due: March 2027
			    leads: [LEAD]
			    measures:
			    - {code: TEST-QI-FALLS, title: Falls per 1000 occupied bed days, polarity: lower-is-better, role: outcome}
			    - {code: TEST-QI-HUDDLES, title: Shifts starting with a falls huddle, polarity: higher-is-better, role: process}
			    - {code: TEST-QI-RESTRAINT, title: Residents with bed rails, polarity: lower-is-better, role: balancing}
			    project:
			      aim: Reduce falls in the three pilot care homes
			      byHowMuch: by a quarter, from 9 to 6.75 falls per 1000 occupied bed days
			      byWhen: March 2027
			      phase: testing
			      team: [Care home manager, Falls practitioner, Quality improvement adviser]
			      changeIdeas:
			      - {idea: A falls huddle at every shift change, status: adopted}
			      - {idea: Night-time toileting rounds, status: testing}
			      - {idea: Hip protectors for every resident, status: abandoned}
			  - code: A2
			    kind: action
			    title: Publish the falls figures by care home
			    due: 2026-03-31
			    leads: [LEAD]
			""";

	@Autowired
	PlanCatalogue catalogue;

	@Autowired
	PlanFiles files;

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

	String plan;

	long id;

	@BeforeEach
	void importThePlan() {
		this.world = this.fixtures.world();
		this.plan = PLAN.replace("PARTNERSHIP", this.world.plan().partnershipCode()).replace("LEAD", this.world.element("A1").leads().get(0));
		this.id = importYaml(this.plan);
	}

	@AfterEach
	void deleteThePlan() {
		this.catalogue.delete(this.id);
	}

	@Test
	void theProjectShowsWithItsAimPhaseChangesAndMeasuresByTheirPart() throws Exception {
		PlanElement project = element("QI1");
		assertThat(project.project().phase()).isEqualTo(ImprovementProject.Phase.TESTING);
		assertThat(project.project().byWhen()).isEqualTo(LocalDate.of(2027, 3, 31));
		String page = page("/plans/" + this.id + "/elements/" + project.id());
		assertThat(page).contains("Improvement project", "Reduce falls in the three pilot care homes",
				"by a quarter, from 9 to 6.75 falls per 1000 occupied bed days", "March 2027", "Falls practitioner",
				"<strong>Testing</strong> (where the project is now)", "aria-current=\"step\"",
				"A falls huddle at every shift change</td><td class=\"govuk-table__cell\">Adopted",
				"Hip protectors for every resident</td><td class=\"govuk-table__cell\">Abandoned");
		// each measure under the part it plays, in that order
		assertThat(page.indexOf("Outcome measures")).isLessThan(page.indexOf("TEST-QI-FALLS"));
		assertThat(page.indexOf("Process measures")).isBetween(page.indexOf("TEST-QI-FALLS"), page.indexOf("TEST-QI-HUDDLES"));
		assertThat(page.indexOf("Balancing measures")).isBetween(page.indexOf("TEST-QI-HUDDLES"), page.indexOf("TEST-QI-RESTRAINT"));
		// an action that is not a project has none of it
		assertThat(page("/plans/" + this.id + "/elements/" + element("A2").id())).doesNotContain("Improvement project", "Outcome measures");
		this.mvc.perform(get("/api/plans/" + this.id))
			.andExpect(jsonPath("$.elements[0].children[0].project.phase").value("testing"))
			.andExpect(jsonPath("$.elements[0].children[0].project.byWhen").value("2027-03-31"))
			.andExpect(jsonPath("$.elements[0].children[0].project.byWhenAsWritten").value("March 2027"))
			.andExpect(jsonPath("$.elements[0].children[0].project.measures.balancing[0]").value("TEST-QI-RESTRAINT"))
			.andExpect(jsonPath("$.elements[0].children[0].project.changeIdeas[1].status").value("testing"))
			.andExpect(jsonPath("$.elements[0].children[1].project").doesNotExist());
		assertThat(page("/plans/" + this.id + "/report")).contains("Improvement project: testing");
	}

	@Test
	void anApprovedUpdateMovesTheProjectOnAndTheReportShowsItsPhase() throws Exception {
		PlanElement project = element("QI1");
		ReportingPeriod period = this.updates.recordPeriod(this.catalogue.plan(this.id).orElseThrow(), "Quarter 3",
				LocalDate.now().minusDays(5), LocalDate.now().plusDays(10), LocalDate.now().plusDays(20), null, null);
		// the form offers the phases, the one reached chosen
		assertThat(this.mvc.perform(get("/plans/{p}/elements/{e}/update", this.id, project.id()).param("period", String.valueOf(period.id()))
			.with(SignedIn.as(this.users, this.world.lead()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains("Phase of the improvement project", "<option value=\"testing\" selected=\"selected\">Testing: changes are tested");
		String saved = this.mvc.perform(put("/api/actions/{a}/updates/{p}", project.id(), period.id())
			.with(SignedIn.as(this.users, this.world.lead())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"progress\": 60, \"note\": \"The huddle is now how every shift starts.\", \"phase\": \"implementation\", \"submit\": true}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.phase").value("implementation")).andReturn().getResponse().getContentAsString();
		// submitted, not yet approved: the plan stays where it was
		assertThat(element("QI1").project().phase()).isEqualTo(ImprovementProject.Phase.TESTING);
		this.mvc.perform(post("/api/updates/{u}/approve", saved.replaceAll(".*?\"id\":(\\d+).*", "$1"))
			.with(SignedIn.as(this.users, this.world.owner())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": " + saved.replaceAll(".*\"version\":(\\d+).*", "$1") + "}"))
			.andExpect(status().isOk());
		assertThat(element("QI1").project().phase()).isEqualTo(ImprovementProject.Phase.IMPLEMENTATION);
		assertThat(this.jdbc.sql("select summary from audit_event where entity_type = 'plan-element' and entity_id = ? order by id desc limit 1")
			.param(String.valueOf(project.id())).query(String.class).single())
			.isEqualTo("Moved improvement project QI1 to its implementation phase");
		assertThat(page("/plans/" + this.id + "/report")).contains("Improvement project: implementation").doesNotContain("Improvement project: testing");
		assertThat(page("/plans/" + this.id + "/elements/" + project.id())).contains("<strong>Implementation</strong> (where the project is now)");
		byte[] docx = this.mvc.perform(get("/plans/" + this.id + "/report/download?format=docx")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray();
		try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor text = new XWPFWordExtractor(word)) {
			assertThat(text.getText()).contains("Fewer falls in care homes\nImprovement project: implementation");
		}
		assertThat(new String(this.mvc.perform(get("/plans/" + this.id + "/report/download?format=csv")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)).contains(",Approved,Implementation");
		// an action that is not a project is told so beside the field
		this.mvc.perform(put("/api/actions/{a}/updates/{p}", element("A2").id(), period.id())
			.with(SignedIn.as(this.users, this.world.lead())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"progress\": 10, \"note\": \"Started.\", \"phase\": \"spread\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.phase").value("Only an improvement project has a phase; this action is not run as one"));
	}

	@Test
	void theFileKeepsTheProjectInEveryFormat() {
		for (PlanFormat format : PlanFormat.values()) {
			PlanDocument document = this.files.read(new ByteArrayInputStream(this.catalogue.export(this.catalogue.tree(this.id).orElseThrow(), format)),
					format);
			long copy = this.catalogue.importFile(new ByteArrayInputStream(this.files.write(PlanImportTests.renamed(document, "TEST-QI-COPY"), format)),
					format);
			try {
				assertThat(yaml(copy)).as(format.name()).isEqualTo(yaml(this.id).replace("code: TEST-QI\n", "code: TEST-QI-COPY\n"))
					.contains("role: balancing", "phase: testing", "status: abandoned", "byWhen: March 2027");
			}
			finally {
				this.catalogue.delete(copy);
			}
		}
	}

	@Test
	void aProjectNotWholeOrNotAnActionsIsRefused() {
		String copy = this.plan.replace("code: TEST-QI\n", "code: TEST-QI-2\n");
		assertThat(refused(copy.replace("phase: testing", "phase: piloting").replace("status: testing", "status: maybe")
			.replace(", role: process}", "}").replace("aim: Reduce falls in the three pilot care homes", "aim: ' '")))
			.containsExactly("line 15 (element QI1), measures.role: is missing: say what part measure 'TEST-QI-HUDDLES' plays in the "
					+ "improvement project, one of [outcome, process, balancing]",
					"line 15 (element QI1), project.aim: is missing",
					"line 15 (element QI1), project.phase: 'piloting' is not a phase; use one of [charter, testing, implementation, spread, sustained, ended]",
					"line 15 (element QI1), project.changeIdeas.status: 'maybe' is not how a change's testing stands; use one of "
							+ "[untested, testing, adopted, abandoned]");
		assertThat(refused(copy.replace("    title: Publish the falls figures by care home\n",
				"    title: Publish the falls figures by care home\n    measures:\n"
						+ "    - {code: TEST-QI-FALLS, title: Falls per 1000 occupied bed days, polarity: lower-is-better, role: outcome}\n")
			.replace("  kind: priority\n", "  kind: priority\n  project: {aim: A priority}\n")))
			.containsExactly("line 11 (element P1), project: only an action can be run as an improvement project, not a Priority",
					"line 36 (element A2), measures.role: a measure plays a role only in an improvement project; give the action a project, "
							+ "or leave the role out");
	}

	private PlanElement element(String code) {
		return this.catalogue.tree(this.id).orElseThrow().elements().stream().filter((e) -> e.code().equals(code)).findFirst().orElseThrow();
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private long importYaml(String yaml) {
		return this.catalogue.importFile(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), PlanFormat.YAML);
	}

	private String yaml(long planId) {
		return new String(this.catalogue.export(this.catalogue.tree(planId).orElseThrow(), PlanFormat.YAML), StandardCharsets.UTF_8);
	}

	private List<String> refused(String yaml) {
		return assertThatExceptionOfType(PlanImportException.class).isThrownBy(() -> importYaml(yaml)).actual().problems().stream()
			.map(ImportProblem::toString).toList();
	}

}
