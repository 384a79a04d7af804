package scot.goldenthread.stocktake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.measures.MeasureDefinition;
import scot.goldenthread.measures.Polarity;
import scot.goldenthread.partnerships.Partner;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanLevels;
import scot.goldenthread.plans.PlanStatus;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.plans.PlanType;
import scot.goldenthread.plans.Prevention;

import static org.assertj.core.api.Assertions.assertThat;

/** The six statements' rules, on a plan of two priorities and three actions and records made here. */
class SixStatementsTests {

	static final MeasureDefinition FALLS = new MeasureDefinition("FALLS", "Falls", Polarity.LOWER_IS_BETTER);

	final PlanElement a1 = element(3, 2L, "A1", ElementKind.ACTION, List.of(), List.of("Lead"), LocalDate.of(2026, 3, 31), Prevention.PREVENTION);

	final PlanElement a2 = element(4, 2L, "A2", ElementKind.ACTION, List.of(), List.of(), null, Prevention.CRISIS_RESPONSE);

	final PlanElement a3 = element(6, 5L, "A3", ElementKind.ACTION, List.of(), List.of("Lead"), LocalDate.of(2026, 3, 31), null);

	final PlanElement p1 = element(2, null, "P1", ElementKind.PRIORITY, List.of(FALLS), List.of(), null, null, this.a1, this.a2);

	final PlanElement p2 = element(5, null, "P2", ElementKind.PRIORITY, List.of(), List.of(), null, null, this.a3);

	final PlanTree tree = new PlanTree(new Plan(9, "PLAN", "A plan", PlanType.LOIP, "cpp", "CPP", null, LocalDate.of(2025, 4, 1),
			LocalDate.of(2030, 3, 31), PlanStatus.APPROVED, null, null, List.of(), null, PlanLevels.PRODUCT), List.of(this.p1, this.p2));

	static final Partner COUNCIL = new Partner(1, "council", "The Council", true, null);

	static final Partner NHS = new Partner(2, "nhs", "The NHS Board", true, null);

	/** A risk reviewed last in 2025 and next in March 2026. */
	static final Risks.Risk RISK = new Risks.Risk(1, null, "Funding ends", null, "Chief Executive", new Risks.Score(4, 4), new Risks.Score(2, 3), null,
			null, LocalDate.of(2026, 3, 31), true, List.of());

	@Test
	void aPlanWithNoRecordsHasEveryGapNamedWithWhereToCloseIt() {
		List<SixStatements.Statement> statements = SixStatements.check(facts(List.of(), List.of(), List.of(), 0, 0, List.of(), List.of()));
		assertThat(statements).extracting(SixStatements.Statement::title).containsExactly("Evidence", "Prevention", "Participation", "Resources",
				"Precise improvement and timescales", "Scrutiny and accountability");
		assertThat(statements.get(0).findings()).containsExactly("0 evidence records.", "0 of 2 priorities cite evidence of their own.",
				"1 of 1 measures have data.", "0 of 1 measures cite evidence behind them.", "No locality is chosen as a priority of the plan.");
		assertThat(statements.get(0).gaps()).containsExactly(
				new SixStatements.Gap("Priority P1 (P1 title) cites no evidence of its own", "/plans/9/elements/2"),
				new SixStatements.Gap("Priority P2 (P2 title) cites no evidence of its own", "/plans/9/elements/5"));
		assertThat(statements.get(1).findings()).containsExactly("1 of 3 actions are prevention or early intervention (33%); 1 crisis response.",
				"No contribution in money is recorded, so the share of resources for prevention is not known.");
		assertThat(statements.get(1).gaps()).extracting(SixStatements.Gap::text)
			.containsExactly("Action A3 (A3 title) does not say whether it is prevention, early intervention or crisis response");
		assertThat(statements.get(2).gaps()).extracting(SixStatements.Gap::text).containsExactly("Priority P1 (P1 title) has no participation recorded for it",
				"Priority P2 (P2 title) has no participation recorded for it", "No record says it reached groups seldom heard",
				"No equality impact assessment of the plan is recorded");
		assertThat(statements.get(3).gaps()).extracting(SixStatements.Gap::text).containsExactly(
				"The Council, a statutory partner, has no contribution recorded", "The NHS Board, a statutory partner, has no contribution recorded");
		// A1 and A2 have their priority's measure, A3 none; A2 has neither lead nor date; the plan has no outcomes to count
		assertThat(statements.get(4).findings()).containsExactly("0 of 1 measures have a baseline and a target with its date.",
				"1 of 3 actions have a lead, a due date and a measure.");
		assertThat(statements.get(4).gaps()).extracting(SixStatements.Gap::text).containsExactly("Measure FALLS has no target",
				"Action A2 (A2 title) has no lead, no due date", "Action A3 (A3 title) has no measure");
		assertThat(statements.get(5).gaps()).extracting(SixStatements.Gap::link).containsExactly("/plans/9/periods",
				"/plans/9/committee-reports", "/plans/9/risks", "/plans/9/stands-on");
	}

	@Test
	void recordsCloseTheGapsTheyAnswerAndTheirFiguresAreTold() {
		Records.Participation survey = new Records.Participation(1, Records.Participation.Kind.ENGAGEMENT, "Survey",
				Records.Participation.Method.ONLINE_SURVEY, LocalDate.of(2023, 9, 1), LocalDate.of(2023, 11, 30), 400, List.of(),
				List.of("Young carers"), null, null, null, true, List.of(2L));
		Records.Participation panel = new Records.Participation(2, Records.Participation.Kind.ENGAGEMENT, "Scrutiny panel",
				Records.Participation.Method.COMMUNITY_SCRUTINY, null, null, null, List.of(), List.of(), null, null, null, true, List.of());
		Records.Evidence assessment = new Records.Evidence(1, Records.Evidence.Kind.NEEDS_ASSESSMENT, "Needs", null, null, null, null, true, List.of(5L),
				List.of("FALLS"), null);
		// an assessment of a committee paper is not one of the plan
		List<Records.EqualityImpact> assessed = List.of(
				new Records.EqualityImpact(1, null, "EqIA of the plan", LocalDate.of(2024, 2, 1), Records.EqualityImpact.Outcome.ADJUST, null, null,
						null, true),
				new Records.EqualityImpact(2, 7L, "EqIA of a paper", null, null, null, null, null, true));
		List<Records.Agreement> agreed = List.of(new Records.Agreement(1, "cpp", LocalDate.of(2018, 1, 24), "CPP Leadership Group",
				"To develop an approach to joint resourcing.", 4, true), new Records.Agreement(2, "cpp", null, null, "To meet monthly.", null, true));
		List<Records.Contribution> money = List.of(
				new Records.Contribution(1, 3, "council", "The Council", true, "2025/26", new BigDecimal("30000"), null, null, false),
				new Records.Contribution(2, 4, "nhs", "The NHS Board", true, "2025/26", new BigDecimal("10000"), new BigDecimal("1.5"), null, true));
		List<SixStatements.Statement> statements = SixStatements.check(facts(List.of(survey, panel), List.of(assessment), money, 2, 1, assessed,
				agreed));
		assertThat(statements.get(0).findings()).contains("1 of 2 priorities cite evidence of their own.", "1 of 1 measures cite evidence behind them.");
		assertThat(statements.get(1).findings()).contains("£30,000 of £40,000 recorded in money goes to prevention and early intervention (75%).");
		assertThat(statements.get(2).findings()).contains("2 engagement activities and 0 participation requests recorded.",
				"The latest took place up to 2023-11-30.", "1 has no dates recorded.", "1 of 2 priorities have participation recorded for them.",
				"Groups seldom heard reached: Young carers.", "Equality impact assessment: EqIA of the plan (2024-02-01): adjust the plan.");
		assertThat(statements.get(2).findings()).noneMatch((f) -> f.contains("paper"));
		assertThat(statements.get(3).findings()).containsExactly("2 of 3 actions and 0 of 2 priorities have partners' contributions recorded.",
				"The Council: £30,000, over 2025/26.", "The NHS Board: £10,000, 1.5 FTE, over 2025/26.",
				"The partnership agreed on 2018-01-24 (CPP Leadership Group): To develop an approach to joint resourcing.");
		assertThat(statements.get(3).gaps()).isEmpty();
		assertThat(statements.get(5).findings()).contains("2 reporting periods set; 1 of 1 periods past their close closed by the plan's owner.",
				"8 of 10 updates were submitted by their deadline (80%).", "1 committee report in the last year.",
				"1 risk in the register, 0 due for review.", "1 record of the community taking part in scrutiny.");
		assertThat(statements.get(5).gaps()).isEmpty();
		assertThat(statements.get(5).standing()).isEqualTo("The records show it");
	}

	private SixStatements.Facts facts(List<Records.Participation> participation, List<Records.Evidence> evidence,
			List<Records.Contribution> contributions, int periods, int reports, List<Records.EqualityImpact> assessed, List<Records.Agreement> agreed) {
		return new SixStatements.Facts(this.tree, participation, evidence, contributions, List.of(COUNCIL, NHS),
				List.of(new SixStatements.MeasureFacts("FALLS", "Falls", true, true, false)), List.of(), periods, periods / 2, periods / 2,
				(periods > 0) ? 10 : 0, (periods > 0) ? 8 : 0, reports, (reports > 0) ? List.of(RISK) : List.of(), assessed, agreed,
				LocalDate.of(2026, 1, 15));
	}

	private static PlanElement element(long id, Long parent, String code, ElementKind kind, List<MeasureDefinition> measures, List<String> leads,
			LocalDate due, Prevention prevention, PlanElement... children) {
		return new PlanElement(id, 9, parent, code, PlanLevels.PRODUCT.of(kind), code + " title", null, null, null, due, null, null, null, null,
				leads, List.of(), List.of(), List.of(), List.of(), measures, new ArrayList<>(List.of(children)), null, null, null, prevention, null);
	}

}
