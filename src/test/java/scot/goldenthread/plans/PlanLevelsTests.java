package scot.goldenthread.plans;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A plan shaped unlike the seeds, in its own words: themes above "stretch outcomes", with "improvement aims" under
 * them and a stretch outcome with none. Every level shows on its pages in the plan's words, and the file keeps them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanLevelsTests {

	static final String PLAN = """
			format: golden-thread/plan@1
			plan:
			  code: TEST-LEVELS
			  title: A plan in its own words
			  type: loip
			  partnership: PARTNERSHIP
			  start: 2025-04-01
			  end: 2035-03-31
			  status: approved
			  levels:
			  - {kind: vision, name: Vision, plural: Visions}
			  - {kind: priority-theme, name: Theme, plural: Themes}
			  - {kind: strategic-outcome, name: Stretch outcome, plural: Stretch outcomes}
			  - {kind: action, name: Improvement aim, plural: Improvement aims}
			elements:
			- code: V
			  kind: vision
			  title: A fairer place to grow up
			  children:
			  - code: T1
			    kind: priority-theme
			    title: Early years
			    children:
			    - code: S1
			      kind: strategic-outcome
			      title: Every child ready for school
			      children:
			      - code: IA1
			        kind: action
			        title: Raise the uptake of funded childcare
			        due: 2027-03-31
			        leads: [Early Years Manager, PARTNERSHIP-NAME]
			        prevention: early-intervention
			      - code: IA2
			        kind: action
			        title: Every nursery offers outdoor learning
			        start: 2025/26
			        due: by 2026
			    - code: S2
			      kind: strategic-outcome
			      title: Fewer families in crisis
			""";

	/** A plan five levels deep, its dates years alone: every level in the product's own words. */
	static final String DEEP = """
			format: golden-thread/plan@1
			plan:
			  code: TEST-DEEP
			  title: A plan five levels deep
			  type: locality-plan
			  partnership: PARTNERSHIP
			  start: 2021-04-01
			  end: 2031-03-31
			  status: approved
			elements:
			- code: SO1
			  kind: strategic-outcome
			  title: Thriving communities
			  children:
			  - code: PT1
			    kind: priority-theme
			    title: Places people are proud of
			    children:
			    - code: PR1
			      kind: priority
			      title: Cleaner streets
			      children:
			      - code: OC1
			        kind: outcome
			        title: Less litter in town centres
			        children:
			        - code: AC1
			          kind: action
			          title: Run a litter-picking campaign
			          start: '2021'
			          due: by 2026
			      - code: OC2
			        kind: outcome
			        title: Fewer fly-tipping reports
			""";

	@Autowired
	PlanCatalogue catalogue;

	@Autowired
	PlanFiles files;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	String plan;

	/** The world's plan, whose partnership the plans here belong to. */
	Plan fixture;

	long id;

	@BeforeEach
	void importThePlan() {
		this.fixture = this.fixtures.world().plan();
		Plan fixture = this.fixture;
		this.plan = PLAN.replace("PARTNERSHIP-NAME", fixture.partnershipName()).replace("PARTNERSHIP", fixture.partnershipCode());
		this.id = importYaml(this.plan);
	}

	@AfterEach
	void deleteThePlan() {
		this.catalogue.delete(this.id);
	}

	@Test
	void everyLevelShowsInThePlansOwnWords() throws Exception {
		assertThat(page("/plans/" + this.id)).contains("1 theme", "2 stretch outcomes", "2 improvement aims", "By 2026", "By 31 Mar 2027")
			.doesNotContain("1 action", "strategic outcomes");
		// themes are the pillars, and the stretch outcomes under them a row of their own, the one with no aim too
		assertThat(page("/plans/" + this.id + "/on-a-page")).contains("Our Themes 2025-35", "Early years", "Our Stretch outcomes 2025-35",
				"Every child ready for school", "Fewer families in crisis", "Our Improvement aims 2025-35", "Raise the uptake of funded childcare")
			.doesNotContain("Our Actions", "Our Strategic Outcomes");
		long aim = this.catalogue.tree(this.id).orElseThrow().elements().stream().filter((e) -> e.code().equals("IA1")).findFirst().orElseThrow().id();
		// a lead that is a group (a partnership, here) links to its page; a job title stays words
		assertThat(page("/plans/" + this.id + "/elements/" + aim)).contains("Improvement aim", "<li>Early Years Manager</li>",
				"<a class=\"govuk-link\" href=\"/partnerships/" + this.fixture.partnershipCode() + "\">" + this.fixture.partnershipName() + "</a>");
		assertThat(page("/plans/" + this.id + "/dashboard")).contains("Theme: Early years");
		assertThat(this.mvc.perform(asyncDispatch(this.mvc.perform(get("/open-data/elements.csv")).andReturn())).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("TEST-LEVELS,S2,T1,strategic-outcome,Stretch outcome,Fewer families in crisis",
				"TEST-LEVELS,IA2,S1,action,Improvement aim,Every nursery offers outdoor learning,,2025-04-01,2026-12-31,2025/26,by 2026");
		// the aim under its stretch outcome, and the stretch outcome with no aim listed all the same
		assertThat(page("/plans/" + this.id + "/report")).contains("Stretch outcome - Every child ready for school",
				"Raise the uptake of funded childcare", "Stretch outcome - Fewer families in crisis", "No actions or published measures under it yet.");
	}

	/** The seeds' three shapes, the plan in its own words and one five levels deep: every element on every page that shows the tree. */
	@Test
	void everyElementOfEveryShapeIsOnThePlanPageThePlanOnAPageAndTheProgressReport() throws Exception {
		long deep = importYaml(DEEP.replace("PARTNERSHIP", this.fixture.partnershipCode()));
		try {
			List<Long> plans = new java.util.ArrayList<>(List.of(this.id, deep));
			List.of("LOIP-2024-34", "CSP-2021-24", "PPL-2022-23").forEach((code) -> plans.add(this.catalogue.plan(code).orElseThrow().id()));
			for (long plan : plans) {
				PlanTree tree = this.catalogue.tree(plan).orElseThrow();
				String page = page("/plans/" + plan);
				String onAPage = page("/plans/" + plan + "/on-a-page");
				String report = page("/plans/" + plan + "/report");
				for (PlanElement e : tree.elements()) {
					String code = tree.plan().code() + "/" + e.code();
					assertThat(page).as(code).contains(HtmlUtils.htmlEscape(e.title(), "UTF-8"));
					assertThat(onAPage).as(code).contains(HtmlUtils.htmlEscape((e.kind() == ElementKind.VISION) ? e.title() : e.headline(), "UTF-8"));
					if (e.kind() != ElementKind.VISION) {
						assertThat(report).as(code).contains(HtmlUtils.htmlEscape(e.title(), "UTF-8"));
					}
				}
			}
			assertThat(page("/plans/" + deep + "/on-a-page")).contains("Our Strategic outcomes 2021-31", "Our Priorities 2021-31",
					"Our Outcomes 2021-31", "Our Actions 2021-31", "Places people are proud of");
			// the levels between a group and its actions head their rows, those above it head the group
			assertThat(page("/plans/" + deep + "/report")).contains("Strategic outcome - Thriving communities › Priority theme - Places people are proud of",
					"Priority - Cleaner streets", "Outcome - Less litter in town centres", "<td data-label=\"By When\">by 2026</td>",
					"Outcome - Fewer fly-tipping reports", "No actions or published measures under it yet.");
			assertThat(page("/plans/" + deep + "/dashboard")).contains("Strategic outcome: Thriving communities");
			byte[] docx = this.mvc.perform(get("/plans/" + deep + "/report/download?format=docx")).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsByteArray();
			try (org.apache.poi.xwpf.usermodel.XWPFDocument word = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(docx));
					org.apache.poi.xwpf.extractor.XWPFWordExtractor text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(word)) {
				assertThat(text.getText()).contains("Strategic outcome - Thriving communities › Priority theme - Places people are proud of",
						"Priority - Cleaner streets", "Outcome - Less litter in town centres", "by 2026", "Outcome - Fewer fly-tipping reports",
						"No actions or published measures under it yet.");
			}
		}
		finally {
			this.catalogue.delete(deep);
		}
	}

	@Test
	void aDateAsWrittenIsShownSoAndJudgedAtItsPeriodsEnd() throws Exception {
		PlanElement aim = this.catalogue.tree(this.id).orElseThrow().elements().stream().filter((e) -> e.code().equals("IA2")).findFirst().orElseThrow();
		assertThat(aim.start()).isEqualTo(java.time.LocalDate.of(2025, 4, 1));
		assertThat(aim.due()).isEqualTo(java.time.LocalDate.of(2026, 12, 31));
		assertThat(List.of(aim.startText(), aim.dueText())).containsExactly("2025/26", "by 2026");
		assertThat(page("/plans/" + this.id + "/elements/" + aim.id())).contains("by 2026").doesNotContain("31 December 2026");
		assertThat(page("/plans/" + this.id + "/report")).contains("<td data-label=\"By When\">by 2026</td>", "31-Mar-2027");
		assertThat(page("/api/plans/" + this.id)).contains("\"due\":\"2026-12-31\",\"dueAsWritten\":\"by 2026\"");
		assertThat(yaml(this.id)).contains("start: 2025/26", "due: by 2026", "prevention: early-intervention");
		assertThat(refused(this.plan.replace("code: TEST-LEVELS", "code: TEST-LEVELS-3").replace("due: by 2026", "due: soonish")))
			.containsExactly("line 34 (element IA2), due: 'soonish' is not a date; write a day (2026-03-31), a month (March 2026), "
					+ "a financial year (2025/26), an academic year (AY 2025/26) or a year (2026, or by 2026)");
	}

	@Test
	void theFileKeepsTheLevelsInEveryFormat() {
		for (PlanFormat format : PlanFormat.values()) {
			PlanDocument document = this.files.read(new ByteArrayInputStream(this.catalogue.export(this.catalogue.tree(this.id).orElseThrow(), format)),
					format);
			assertThat(document.plan().levels()).as(format.name()).extracting(PlanDocument.Level::name)
				.containsExactly("Vision", "Theme", "Stretch outcome", "Improvement aim");
			long copy = this.catalogue.importFile(new ByteArrayInputStream(this.files.write(PlanImportTests.renamed(document, "TEST-LEVELS-COPY"), format)),
					format);
			try {
				assertThat(yaml(copy)).as(format.name()).isEqualTo(yaml(this.id).replace("code: TEST-LEVELS\n", "code: TEST-LEVELS-COPY\n"));
			}
			finally {
				this.catalogue.delete(copy);
			}
		}
	}

	@Test
	void anElementOutsideThePlansLevelsOrAboveItsParentsIsRefused() {
		String copy = this.plan.replace("code: TEST-LEVELS", "code: TEST-LEVELS-2");
		assertThat(refused(copy.replace("      kind: strategic-outcome\n      title: Fewer", "      kind: priority\n      title: Fewer")))
			.containsExactly("line 39 (element S2), kind: 'priority' is not one of this plan's levels: Vision (vision), Theme (priority-theme), "
					+ "Stretch outcome (strategic-outcome), Improvement aim (action)");
		assertThat(refused(copy.replace("        kind: action\n        title: Raise", "        kind: priority-theme\n        title: Raise")))
			.containsExactly("line 28 (element IA1), kind: a Theme cannot sit under a Stretch outcome: this plan's levels go Vision (vision), "
					+ "Theme (priority-theme), Stretch outcome (strategic-outcome), Improvement aim (action)");
		assertThat(refused(copy.replace(", plural: Improvement aims}", "}").replace("{kind: priority-theme,", "{kind: vision,")))
			.containsExactly("plan, level 2, kind: 'vision' is named twice; each kind is one level of the plan", "plan, level 4, plural: is missing");
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
