package scot.goldenthread.stocktake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import scot.goldenthread.partnerships.Partner;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.plans.Prevention;

/**
 * How a plan stands against the six statements of the national stock-take of LOIPs (seed 004), worked out from its
 * records alone: for each, what the records show and what is missing, each gap with where to close it. Pure: the facts
 * come in, the findings go out.
 */
public final class SixStatements {

	private SixStatements() {
	}

	/** What a measure the plan uses has: values, a baseline, a target with its period. */
	public record MeasureFacts(String code, String title, boolean hasData, boolean hasBaseline, boolean hasTarget) {
	}

	/** A locality the plan has chosen to focus on, and whether the choice says why. */
	public record Locality(String code, String name, boolean hasRationale) {
	}

	/** Everything the check reads of a plan. */
	public record Facts(PlanTree tree, List<Records.Participation> participation, List<Records.Evidence> evidence,
			List<Records.Contribution> contributions, List<Partner> statutoryPartners, List<MeasureFacts> measures, List<Locality> localities,
			int periodsSet, int periodsPast, int periodsKept, int updatesDue, int updatesOnTime, int committeeReportsInYear, List<Risks.Risk> risks,
			List<Records.EqualityImpact> equalityImpacts, List<Records.Agreement> agreements, LocalDate today) {
	}

	/** Something missing, and the page where it is put right. */
	public record Gap(String text, String link) {
	}

	/** One statement: what the records show and what is missing. */
	public record Statement(int number, String title, String statement, List<String> findings, List<Gap> gaps) {

		public String standing() {
			return this.gaps.isEmpty() ? "The records show it" : (this.gaps.size() == 1) ? "1 gap to close" : this.gaps.size() + " gaps to close";
		}

	}

	static final List<String> TITLES = List.of("Evidence", "Prevention", "Participation", "Resources", "Precise improvement and timescales",
			"Scrutiny and accountability");

	static final List<String> STATEMENTS = List.of(
			"Based on evidence and analysis of the area, its communities and the variation in outcomes.",
			"Identifies preventative work and how resources will be used in new ways for prevention.",
			"Based on active participation by communities, with the participation documented.",
			"Clear about the resources needed and how statutory partners provide them.",
			"Precise about the level of improvement and the timescale for each commitment, and how progress will be measured.",
			"Clear about scrutiny, performance and accountability arrangements.");

	static final Set<ElementKind> PRIORITIES = Set.of(ElementKind.STRATEGIC_OUTCOME, ElementKind.PRIORITY_THEME, ElementKind.PRIORITY);

	private static final Set<ElementKind> OUTCOMES = Set.of(ElementKind.STRATEGIC_OUTCOME, ElementKind.OUTCOME);

	public static List<Statement> check(Facts facts) {
		Plan plan = new Plan(facts.tree());
		return List.of(evidence(facts, plan), prevention(facts, plan), participation(facts, plan), resources(facts, plan), precise(facts, plan),
				scrutiny(facts, plan));
	}

	private static Statement evidence(Facts f, Plan plan) {
		List<String> findings = new ArrayList<>();
		List<Gap> gaps = new ArrayList<>();
		long wide = f.evidence().stream().filter((e) -> e.elements().isEmpty()).count();
		findings.add(count(f.evidence().size(), "evidence record") + (wide > 0 ? ", " + wide + " of them about the whole plan" : "") + ".");
		Set<Long> cited = plan.under(f.evidence().stream().flatMap((e) -> e.elements().stream()).collect(Collectors.toSet()));
		List<PlanElement> priorities = plan.priorities();
		findings.add(of(priorities.stream().filter((p) -> cited.contains(p.id())).count(), priorities.size(), "priorities")
				+ " cite evidence of their own.");
		priorities.stream().filter((p) -> !cited.contains(p.id()))
			.forEach((p) -> gaps.add(new Gap(plan.name(p) + " cites no evidence of its own", plan.link(p))));
		findings.add(of(f.measures().stream().filter(MeasureFacts::hasData).count(), f.measures().size(), "measures") + " have data.");
		f.measures().stream().filter((m) -> !m.hasData())
			.forEach((m) -> gaps.add(new Gap("Measure " + m.code() + " (" + m.title() + ") has no data", "/measures/" + m.code())));
		Set<String> citing = f.evidence().stream().flatMap((e) -> e.measures().stream()).collect(Collectors.toSet());
		findings.add(of(f.measures().stream().filter((m) -> citing.contains(m.code())).count(), f.measures().size(), "measures")
				+ " cite evidence behind them.");
		if (f.localities().isEmpty()) {
			findings.add("No locality is chosen as a priority of the plan.");
		}
		else {
			findings.add(of(f.localities().stream().filter(Locality::hasRationale).count(), f.localities().size(), "localities chosen")
					+ " have a recorded rationale.");
		}
		f.localities().stream().filter((l) -> !l.hasRationale())
			.forEach((l) -> gaps.add(new Gap(l.name() + " is chosen with no rationale recorded", "/places/" + l.code())));
		agreed(f, 1, findings);
		return statement(1, findings, gaps);
	}

	private static Statement prevention(Facts f, Plan plan) {
		List<String> findings = new ArrayList<>();
		List<Gap> gaps = new ArrayList<>();
		List<PlanElement> actions = plan.actions();
		long preventative = actions.stream().filter((a) -> a.prevention() != null && a.prevention().preventative()).count();
		long crisis = actions.stream().filter((a) -> a.prevention() == Prevention.CRISIS_RESPONSE).count();
		findings.add(of(preventative, actions.size(), "actions") + " are prevention or early intervention" + share(preventative, actions.size())
				+ "; " + crisis + " crisis response.");
		actions.stream().filter((a) -> a.prevention() == null)
			.forEach((a) -> gaps.add(new Gap(plan.name(a) + " does not say whether it is prevention, early intervention or crisis response",
					plan.link(a))));
		BigDecimal money = total(f.contributions(), (c) -> true);
		if (money.signum() == 0) {
			findings.add("No contribution in money is recorded, so the share of resources for prevention is not known.");
		}
		else {
			Set<Long> preventive = actions.stream().filter((a) -> a.prevention() != null && a.prevention().preventative())
				.map(PlanElement::id).collect(Collectors.toSet());
			BigDecimal toPrevention = total(f.contributions(), (c) -> preventive.contains(c.elementId()));
			findings.add("£" + pounds(toPrevention) + " of £" + pounds(money) + " recorded in money goes to prevention and early intervention ("
					+ toPrevention.multiply(BigDecimal.valueOf(100)).divide(money, 0, RoundingMode.HALF_UP) + "%).");
		}
		agreed(f, 2, findings);
		return statement(2, findings, gaps);
	}

	private static Statement participation(Facts f, Plan plan) {
		List<String> findings = new ArrayList<>();
		List<Gap> gaps = new ArrayList<>();
		long requests = f.participation().stream().filter((p) -> p.kind() == Records.Participation.Kind.PARTICIPATION_REQUEST).count();
		findings.add(count(f.participation().size() - (int) requests, "engagement activity", "engagement activities") + " and "
				+ count((int) requests, "participation request") + " recorded.");
		f.participation().stream().map((p) -> (p.heldTo() != null) ? p.heldTo() : p.heldFrom()).filter(Objects::nonNull)
			.max(LocalDate::compareTo).ifPresent((latest) -> findings.add("The latest took place up to " + latest + "."));
		long undated = f.participation().stream().filter((p) -> p.heldFrom() == null && p.heldTo() == null).count();
		if (undated > 0) {
			findings.add(undated + ((undated == 1) ? " has" : " have") + " no dates recorded.");
		}
		Set<Long> heard = plan.under(f.participation().stream().flatMap((p) -> p.elements().stream()).collect(Collectors.toSet()));
		List<PlanElement> priorities = plan.priorities();
		findings.add(of(priorities.stream().filter((p) -> heard.contains(p.id())).count(), priorities.size(), "priorities")
				+ " have participation recorded for them.");
		priorities.stream().filter((p) -> !heard.contains(p.id()))
			.forEach((p) -> gaps.add(new Gap(plan.name(p) + " has no participation recorded for it", plan.link(p))));
		Set<String> seldom = new LinkedHashSet<>();
		f.participation().forEach((p) -> seldom.addAll(p.seldomHeard()));
		if (seldom.isEmpty()) {
			gaps.add(new Gap("No record says it reached groups seldom heard", plan.records()));
		}
		else {
			findings.add("Groups seldom heard reached: " + String.join(", ", seldom) + ".");
		}
		List<Records.EqualityImpact> ofPlan = f.equalityImpacts().stream().filter((q) -> q.committeeReportId() == null).toList();
		if (ofPlan.isEmpty()) {
			gaps.add(new Gap("No equality impact assessment of the plan is recorded", plan.records() + "#equality"));
		}
		ofPlan.forEach((q) -> findings.add("Equality impact assessment: " + q.title() + ((q.assessedOn() != null) ? " (" + q.assessedOn() + ")" : "")
				+ ((q.outcome() != null) ? ": " + q.outcome().label().toLowerCase() : "") + "."));
		agreed(f, 3, findings);
		return statement(3, findings, gaps);
	}

	private static Statement resources(Facts f, Plan plan) {
		List<String> findings = new ArrayList<>();
		List<Gap> gaps = new ArrayList<>();
		Set<Long> resourced = plan.under(f.contributions().stream().map(Records.Contribution::elementId).collect(Collectors.toSet()));
		List<PlanElement> actions = plan.actions();
		List<PlanElement> priorities = plan.priorities();
		findings.add(of(actions.stream().filter((a) -> resourced.contains(a.id())).count(), actions.size(), "actions") + " and "
				+ of(priorities.stream().filter((p) -> resourced.contains(p.id())).count(), priorities.size(), "priorities")
				+ " have partners' contributions recorded.");
		Map<String, List<Records.Contribution>> byPartner = new TreeMap<>(f.contributions().stream()
			.collect(Collectors.groupingBy(Records.Contribution::partnerName)));
		byPartner.forEach((partner, given) -> findings.add(partner + ": " + describe(given) + "."));
		Set<String> contributing = f.contributions().stream().map(Records.Contribution::partnerCode).collect(Collectors.toSet());
		f.statutoryPartners().stream().filter((p) -> !contributing.contains(p.code()))
			.forEach((p) -> gaps.add(new Gap(p.name() + ", a statutory partner, has no contribution recorded", plan.records())));
		agreed(f, 4, findings);
		return statement(4, findings, gaps);
	}

	private static Statement precise(Facts f, Plan plan) {
		List<String> findings = new ArrayList<>();
		List<Gap> gaps = new ArrayList<>();
		List<MeasureFacts> measures = f.measures();
		findings.add(of(measures.stream().filter((m) -> m.hasBaseline() && m.hasTarget()).count(), measures.size(), "measures")
				+ " have a baseline and a target with its date.");
		measures.stream().filter((m) -> !m.hasBaseline() || !m.hasTarget()).forEach((m) -> gaps.add(new Gap("Measure " + m.code() + " has "
				+ (!m.hasBaseline() && !m.hasTarget() ? "no baseline and no target" : !m.hasBaseline() ? "no baseline" : "no target"),
				"/measures/" + m.code())));
		List<PlanElement> actions = plan.actions();
		long whole = actions.stream().filter((a) -> missing(a, plan).isEmpty()).count();
		findings.add(of(whole, actions.size(), "actions") + " have a lead, a due date and a measure.");
		actions.forEach((a) -> {
			List<String> missing = missing(a, plan);
			if (!missing.isEmpty()) {
				gaps.add(new Gap(plan.name(a) + " has no " + String.join(", no ", missing), plan.link(a)));
			}
		});
		List<PlanElement> outcomes = plan.tree().elements().stream().filter((e) -> OUTCOMES.contains(e.kind())).toList();
		List<PlanElement> unmeasured = outcomes.stream().filter((o) -> o.flatten().stream().allMatch((e) -> e.measures().isEmpty())).toList();
		if (!outcomes.isEmpty()) {
			findings.add(of(outcomes.size() - unmeasured.size(), outcomes.size(), "outcomes") + " have a measure.");
		}
		unmeasured.forEach((o) -> gaps.add(new Gap(plan.name(o) + " has no measure", plan.link(o))));
		agreed(f, 5, findings);
		return statement(5, findings, gaps);
	}

	/** What an action lacks of a lead, a due date and a measure (its own or of what it is under). */
	private static List<String> missing(PlanElement action, Plan plan) {
		List<String> missing = new ArrayList<>();
		if (action.leads().isEmpty()) {
			missing.add("lead");
		}
		if (action.due() == null) {
			missing.add("due date");
		}
		if (plan.above(action).stream().allMatch((e) -> e.measures().isEmpty())) {
			missing.add("measure");
		}
		return missing;
	}

	private static Statement scrutiny(Facts f, Plan plan) {
		List<String> findings = new ArrayList<>();
		List<Gap> gaps = new ArrayList<>();
		findings.add(count(f.periodsSet(), "reporting period") + " set; " + of(f.periodsKept(), f.periodsPast(), "periods past their close")
				+ " closed by the plan's owner.");
		if (f.periodsSet() == 0) {
			gaps.add(new Gap("No reporting period is set", "/plans/" + plan.id() + "/periods"));
		}
		if (f.updatesDue() > 0) {
			findings.add(of(f.updatesOnTime(), f.updatesDue(), "updates") + " were submitted by their deadline"
					+ share(f.updatesOnTime(), f.updatesDue()) + ".");
		}
		findings.add(count(f.committeeReportsInYear(), "committee report") + " in the last year.");
		if (f.committeeReportsInYear() == 0) {
			gaps.add(new Gap("No committee report in the last year", "/plans/" + plan.id() + "/committee-reports"));
		}
		List<Risks.Risk> due = f.risks().stream().filter((r) -> r.dueForReview(f.today())).toList();
		if (f.risks().isEmpty()) {
			gaps.add(new Gap("No risk to the plan is recorded", "/plans/" + plan.id() + "/risks"));
		}
		else {
			findings.add(count(f.risks().size(), "risk") + " in the register, " + due.size() + " due for review.");
		}
		due.forEach((r) -> gaps.add(new Gap("The risk '" + r.title() + "' is due for review", "/plans/" + plan.id() + "/risks#risk-" + r.id())));
		long community = f.participation().stream().filter((p) -> p.method() == Records.Participation.Method.COMMUNITY_SCRUTINY).count();
		findings.add(count((int) community, "record") + " of the community taking part in scrutiny.");
		if (community == 0) {
			gaps.add(new Gap("No record of the community taking part in scrutiny", plan.records()));
		}
		agreed(f, 6, findings);
		return statement(6, findings, gaps);
	}

	/** What the partnership's board agreed towards the statement, as findings. */
	private static void agreed(Facts f, int statement, List<String> findings) {
		f.agreements().stream().filter((a) -> Objects.equals(a.statement(), statement))
			.forEach((a) -> findings.add("The partnership agreed" + ((a.agreedOn() != null) ? " on " + a.agreedOn() : "")
					+ ((a.agreedBy() != null) ? " (" + a.agreedBy() + ")" : "") + ": " + a.text()));
	}

	private static Statement statement(int number, List<String> findings, List<Gap> gaps) {
		return new Statement(number, TITLES.get(number - 1), STATEMENTS.get(number - 1), findings, gaps);
	}

	private static String describe(List<Records.Contribution> given) {
		List<String> parts = new ArrayList<>();
		BigDecimal money = total(given, (c) -> true);
		BigDecimal fte = given.stream().map(Records.Contribution::fte).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (money.signum() > 0) {
			parts.add("£" + pounds(money));
		}
		if (fte.signum() > 0) {
			parts.add(fte.stripTrailingZeros().toPlainString() + " FTE");
		}
		long inKind = given.stream().filter((c) -> c.inKind() != null).count();
		if (inKind > 0) {
			parts.add(count((int) inKind, "contribution") + " in kind");
		}
		parts.add("over " + given.stream().map(Records.Contribution::financialYear).distinct().sorted().collect(Collectors.joining(", ")));
		return String.join(", ", parts);
	}

	private static BigDecimal total(List<Records.Contribution> contributions, Predicate<Records.Contribution> which) {
		return contributions.stream().filter(which).map(Records.Contribution::money).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static String pounds(BigDecimal amount) {
		return String.format("%,.0f", amount);
	}

	private static String of(long some, long all, String what) {
		return some + " of " + all + " " + what;
	}

	private static String share(long some, long all) {
		return (all == 0) ? "" : " (" + Math.round(100.0 * some / all) + "%)";
	}

	private static String count(int n, String one) {
		return count(n, one, one + "s");
	}

	private static String count(int n, String one, String many) {
		return n + " " + ((n == 1) ? one : many);
	}

	/** The plan's tree as the rules read it. */
	private record Plan(PlanTree tree) {

		long id() {
			return this.tree.plan().id();
		}

		List<PlanElement> priorities() {
			return this.tree.elements().stream().filter((e) -> PRIORITIES.contains(e.kind())).toList();
		}

		List<PlanElement> actions() {
			return this.tree.ofKind(ElementKind.ACTION);
		}

		/** The elements given and every element under them: a record about a theme informs what is under it. */
		Set<Long> under(Set<Long> ids) {
			Set<Long> all = new HashSet<>();
			this.tree.elements().stream().filter((e) -> ids.contains(e.id())).forEach((e) -> e.flatten().forEach((x) -> all.add(x.id())));
			return all;
		}

		/** The element and every element above it. */
		List<PlanElement> above(PlanElement element) {
			List<PlanElement> chain = new ArrayList<>();
			for (PlanElement e = element; e != null; e = (e.parentId() != null) ? this.tree.element(e.parentId()).orElse(null) : null) {
				chain.add(e);
			}
			return chain;
		}

		String name(PlanElement e) {
			return e.level().label() + " " + e.code() + " (" + e.headline() + ")";
		}

		String link(PlanElement e) {
			return "/plans/" + id() + "/elements/" + e.id();
		}

		String records() {
			return "/plans/" + id() + "/stands-on";
		}

	}

}
