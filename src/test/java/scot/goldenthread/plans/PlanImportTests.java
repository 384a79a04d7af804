package scot.goldenthread.plans;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import scot.goldenthread.Fixtures;
import scot.goldenthread.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A plan file is imported whole or refused whole, with every problem named. */
@SpringBootTest
class PlanImportTests {

	@Autowired
	PlanCatalogue catalogue;

	@Autowired
	PlanFiles files;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	static final String VALID = """
			format: golden-thread/plan@1
			plan:
			  code: TEST-PLAN
			  title: Test plan
			  type: locality-plan
			  partnership: PARTNERSHIP
			  start: 2025-04-01
			  end: 2028-03-31
			  status: draft
			elements:
			- code: O1
			  kind: strategic-outcome
			  title: Safer places
			  alignedTo: [NPF/communities, SERVES]
			  children:
			  - code: A1
			    kind: action
			    title: Open a community hub
			    due: 2026-03-31
			    progress: 10
			    expectedOutcome: on-track
			    leads: [Locality Manager]
			""";

	@Autowired
	Fixtures fixtures;

	Fixtures.World world;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
	}

	/** A good plan file of the world's partnership, serving the world's priority P1. */
	static String valid(Fixtures.World world) {
		return VALID.replace("PARTNERSHIP", world.plan().partnershipCode()).replace("SERVES", world.plan().code() + "/P1");
	}

	String valid() {
		return valid(this.world);
	}

	@Test
	void aValidFileIsStoredWithItsAlignmentsAndAudited() {
		long id = importYaml(valid());
		try {
			PlanTree tree = this.catalogue.tree(id).orElseThrow();
			assertThat(tree.plan().partnershipName()).isEqualTo(this.world.plan().partnershipName());
			PlanElement outcome = tree.roots().get(0);
			assertThat(outcome.alignedTo()).extracting(PlanElement.Alignment::reference)
				.containsExactly("NPF/communities", this.world.plan().code() + "/P1");
			assertThat(outcome.children().get(0).leads()).containsExactly("Locality Manager");
			assertThat(this.audit.history("plan", id)).singleElement().satisfies((event) -> {
				assertThat(event.actor()).isEqualTo("system");
				assertThat(event.action()).isEqualTo("create");
				assertThat(event.after()).contains("TEST-PLAN");
			});
			assertThat(this.audit.history("plan-element", outcome.children().get(0).id())).hasSize(1);
		}
		finally {
			this.catalogue.delete(id);
		}
		assertThat(this.audit.history("plan", id)).extracting(AuditLog.AuditEvent::action).containsExactly("create", "delete");
	}

	@Test
	void aFilesExpectedOutcomeIsTheLeadsAssessmentOrTheOwnersDecisionAndWarningStillMeansAtRisk() {
		for (String[] given : new String[][] { { "warning", "AT_RISK", null }, { "at-risk", "AT_RISK", null },
				{ "cancelled", null, "CANCELLED" }, { "completed", "COMPLETED", null } }) {
			long id = importYaml(valid().replace("expectedOutcome: on-track", "expectedOutcome: " + given[0]));
			try {
				PlanElement action = this.catalogue.tree(id).orElseThrow().roots().get(0).children().get(0);
				assertThat(action.assessment()).as(given[0]).isEqualTo((given[1] != null) ? Assessment.valueOf(given[1]) : null);
				assertThat(action.ownerDecision()).as(given[0]).isEqualTo((given[2] != null) ? OwnerDecision.valueOf(given[2]) : null);
			}
			finally {
				this.catalogue.delete(id);
			}
		}
	}

	@Test
	void everyProblemIsReportedWithItsLineFieldAndReasonAndNothingIsStored() {
		String bad = valid().replace("title: Safer places", "title: ''")
			.replace("due: 2026-03-31", "due: 31/03/2026")
			.replace("progress: 10", "progress: lots")
			.replace("code: A1", "code: O1")
			.replace("expectedOutcome: on-track", "expectedOutcome: fine")
			.replace("NPF/communities", "NPF/happiness")
			.replace("end: 2028-03-31", "end: 2020-03-31");
		List<ImportProblem> problems = refused(bad);
		assertThat(problems).extracting(ImportProblem::toString)
			.contains("plan, end: the plan ends (2020-03-31) before it starts (2025-04-01)",
					"line 11 (element O1), title: is missing",
					"line 16 (element O1), code: 'O1' is used by another element of this plan",
					"line 16 (element O1), due: '31/03/2026' is not a date; " + WrittenDate.FORMS,
					"line 16 (element O1), progress: 'lots' is not a whole number from 0 to 100");
		assertThat(problems).anySatisfy((p) -> assertThat(p.reason()).startsWith("'fine' is not an expected outcome"));
		assertThat(problems).anySatisfy((p) -> assertThat(p.reason()).startsWith("'happiness' is not a national outcome"));
	}

	@Test
	void aWrongTypeOrUnknownFieldOrMalformedFileIsRefusedWithItsPlace() {
		assertThat(refused(valid().replace("leads: [Locality Manager]", "leads: {name: Locality Manager}")))
			.singleElement()
			.hasToString("line 16 (element A1), leads: should be a list, such as [first, second] or one '- ' line for each, not fields");
		assertThat(refused(valid().replace("    progress: 10", "    progres: 10"))).singleElement()
			.satisfies((p) -> assertThat(p).asString().startsWith("line 16 (element A1), progres: is not a field here; did you mean 'progress'?"));
		assertThat(refused("format: [unclosed")).singleElement().satisfies((p) -> assertThat(p.where()).startsWith("line 1"));
		assertThat(refused("")).singleElement().satisfies((p) -> assertThat(p.reason()).isEqualTo("is empty"));
	}

	@Test
	void aDuplicatePlanCodeAnUnknownPartnershipAndAnUnknownAlignmentAreRefused() {
		String existing = this.world.plan().code();
		List<ImportProblem> problems = refused(VALID.replace("code: TEST-PLAN", "code: " + existing)
			.replace("PARTNERSHIP", "nowhere")
			.replace("SERVES", this.world.partnerPlan().plan().code() + "/XX"));
		assertThat(problems).extracting(ImportProblem::reason)
			.contains("a plan with code '" + existing + "' already exists; to refresh it, make a new version of it", "no partnership has the code 'nowhere'",
					"plan '" + this.world.partnerPlan().plan().code() + "' has no element 'XX'");
	}

	@Test
	void aMeasureCodeMeansOneMeasure() {
		String gap = this.world.gap();
		assertThat(refused(valid().replace("  alignedTo: [NPF/communities, " + this.world.plan().code() + "/P1]",
				"  measures: [{code: " + gap + ", title: Crime, polarity: lower-is-better}, {code: NEW-1, title: A, polarity: sideways}]")))
			.extracting(ImportProblem::toString)
			.containsExactly("line 11 (element O1), measures.title: measure '" + gap + "' is already defined as 'Numeracy gap " + this.world.tag() + "'",
					"line 11 (element O1), measures.polarity: 'sideways' is not a polarity; use one of [higher-is-better, lower-is-better, closest-to-target, no-judgement]");
	}

	@Test
	void aMisplacedKindIsRefused() {
		assertThat(refused(valid().replace("    kind: action", "    kind: milestone")
			.replace("    title: Open a community hub", "    title: Open\n    children: [{code: A2, kind: action, title: Nested}]")))
			.extracting(ImportProblem::toString)
			.containsExactly("line 16 (element A1), kind: a milestone belongs to an action",
					"line 19 (element A2), kind: a milestone has no elements under it");
		assertThat(refused(valid().replace("    kind: action", "    kind: vision"))).extracting(ImportProblem::reason)
			.containsExactly("a vision stands at the top of a plan");
	}

	/** The demo's own: the seed plans, which use every part of the format, go round every format unchanged. */
	@ParameterizedTest
	@EnumSource(PlanFormat.class)
	void exportThenImportGivesBackTheIdenticalPlan(PlanFormat format) {
		for (Plan plan : List.of(plan("LOIP-2024-34"), plan("CSP-2021-24"), plan("PPL-2022-23"))) {
			byte[] exported = this.catalogue.export(this.catalogue.tree(plan.id()).orElseThrow(), format);
			// imported as a copy beside the original, whose alignments it shares
			PlanDocument document = this.files.read(new ByteArrayInputStream(exported), format);
			String copyCode = plan.code() + "-COPY";
			long copy = this.catalogue.importFile(new ByteArrayInputStream(this.files.write(renamed(document, copyCode), format)), format);
			try {
				String original = yaml(plan.id()).replace("code: " + plan.code() + "\n", "code: " + copyCode + "\n");
				assertThat(yaml(copy)).isEqualTo(original);
			}
			finally {
				this.catalogue.delete(copy);
			}
		}
	}

	@Test
	void codesThatLookLikeNumbersAreQuotedSoAnyYamlReaderReadsThemBackAsText() {
		long id = importYaml(valid().replace("code: TEST-PLAN", "code: '2024'").replace("- code: O1", "- code: '11.10'")
			.replace("- code: A1", "- code: '1e3'"));
		try {
			String exported = yaml(id);
			Map<?, ?> read = (Map<?, ?>) new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
				.loadFromString(exported);
			Map<?, ?> outcome = (Map<?, ?>) ((List<?>) read.get("elements")).get(0);
			assertThat(((Map<?, ?>) read.get("plan")).get("code")).isEqualTo("2024");
			assertThat(outcome.get("code")).isEqualTo("11.10");
			assertThat(((Map<?, ?>) ((List<?>) outcome.get("children")).get(0)).get("code")).isEqualTo("1e3");
		}
		finally {
			this.catalogue.delete(id);
		}
	}

	@Test
	void aPlanDeletedAndImportedAgainIsTheSame() {
		Plan partnerPlan = this.world.partnerPlan().plan();
		String before = yaml(partnerPlan.id());
		this.catalogue.delete(partnerPlan.id());
		long id = this.catalogue.importFile(new ByteArrayInputStream(before.getBytes(StandardCharsets.UTF_8)), PlanFormat.YAML);
		assertThat(yaml(id)).isEqualTo(before);
	}

	private String yaml(long planId) {
		return new String(this.catalogue.export(this.catalogue.tree(planId).orElseThrow(), PlanFormat.YAML), StandardCharsets.UTF_8);
	}

	static PlanDocument renamed(PlanDocument document, String code) {
		PlanDocument.Header h = document.plan();
		return new PlanDocument(document.format(), new PlanDocument.Header(code, h.title(), h.type(), h.partnership(),
				h.owner(), h.start(), h.end(), h.status(), h.approvedOn(), h.description(), h.relatedPlans(), h.locality(), h.levels()),
				document.elements(), document.records());
	}

	private Plan plan(String code) {
		return this.catalogue.plan(code).orElseThrow();
	}

	private long importYaml(String yaml) {
		return this.catalogue.importFile(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), PlanFormat.YAML);
	}

	private List<ImportProblem> refused(String yaml) {
		int plans = this.catalogue.plans().size();
		int elements = this.jdbc.sql("select count(*) from plan_element").query(Integer.class).single();
		int audits = this.jdbc.sql("select count(*) from audit_event").query(Integer.class).single();
		List<ImportProblem> problems = assertThatExceptionOfType(PlanImportException.class)
			.isThrownBy(() -> importYaml(yaml))
			.actual()
			.problems();
		assertThat(this.catalogue.plans()).hasSize(plans);
		assertThat(this.jdbc.sql("select count(*) from plan_element").query(Integer.class).single()).isEqualTo(elements);
		assertThat(this.jdbc.sql("select count(*) from audit_event").query(Integer.class).single()).isEqualTo(audits);
		return problems;
	}

	@Test
	void aDateOfYearZeroAKeyGivenTwiceAnOversizeNoteAndAHugeLineAreRefused() {
		assertThat(refused(valid().replace("due: 2026-03-31", "due: 0000-01-01"))).extracting(ImportProblem::reason)
			.containsExactly("'0000-01-01' is outside the years 1900 to 2100");
		assertThat(refused(valid().replace("  type: locality-plan\n", "  type: locality-plan\n  type: business-plan\n")))
			.singleElement().hasToString("line 6: 'type' is given twice here: give each field once");
		assertThat(refused(valid().replace("leads: [Locality Manager]", "latestNote: " + "n".repeat(10_001))))
			.extracting(ImportProblem::field, ImportProblem::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("latestNote", "is 10001 characters long; it may have at most 10000"));
		// refused before a YAML parser reads it, which took 31 s over a line of 10 MB
		assertThat(refused(valid() + "# " + "x".repeat(1024 * 1024))).singleElement()
			.satisfies((p) -> assertThat(p.where()).isEqualTo("line " + (VALID.lines().count() + 1)));
		assertThat(refused(valid() + "# " + "x".repeat(10 * 1024 * 1024))).extracting(ImportProblem::reason)
			.containsExactly("is larger than 5 MB, which no plan is");
	}

}
