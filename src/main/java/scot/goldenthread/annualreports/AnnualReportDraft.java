package scot.goldenthread.annualreports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import scot.goldenthread.measures.Commentary;
import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.MeasureDefinition;
import scot.goldenthread.measures.MeasureJudge;
import scot.goldenthread.measures.StatusEngine;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.GoldenThread;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanStatus;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.progress.ReportingPeriod;
import scot.goldenthread.reports.ProgressReport;
import scot.goldenthread.reports.ProgressReports;
import scot.goldenthread.stocktake.Records;
import scot.goldenthread.stocktake.StockTakeRecords;

import org.springframework.stereotype.Component;

/**
 * Makes a plan's annual report for a financial year from the data, as the public may see it: every published measure
 * of the plan judged at the year's end on the values known now, the actions as the last reporting period of the year
 * left them, what the partner plans along the golden thread did, and the year's participation and resources.
 */
@Component
class AnnualReportDraft {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	/** The levels a report is told by; actions go under them, milestones under their actions. */
	private static final Set<ElementKind> ACTIONS = Set.of(ElementKind.ACTION, ElementKind.MILESTONE, ElementKind.VISION);

	private final MeasureCatalogue measures;

	private final MeasureJudge judge;

	private final Commentary commentary;

	private final ProgressReports progress;

	private final GoldenThread thread;

	private final StockTakeRecords records;

	private final Clock clock;

	private final PlanCatalogue plans;

	AnnualReportDraft(MeasureCatalogue measures, MeasureJudge judge, Commentary commentary, ProgressReports progress, GoldenThread thread,
			StockTakeRecords records, PlanCatalogue plans, Clock clock) {
		this.plans = plans;
		this.measures = measures;
		this.judge = judge;
		this.commentary = commentary;
		this.progress = progress;
		this.thread = thread;
		this.records = records;
		this.clock = clock;
	}

	/** The financial year's first and last days: "2024/25" is 1 April 2024 to 31 March 2025. */
	static LocalDate[] bounds(String year) {
		LocalDate from = LocalDate.of(Integer.parseInt(year.substring(0, 4)), 4, 1);
		return new LocalDate[] { from, from.plusYears(1).minusDays(1) };
	}

	/** {@code tree} is the plan as the public sees it, unpublished measures left out. */
	AnnualReportContent make(PlanTree tree, String year) {
		LocalDate[] bounds = bounds(year);
		LocalDate from = bounds[0];
		LocalDate to = bounds[1];
		List<AnnualReportContent.MeasureRow> measureRows = measures(tree, from, to);
		Map<String, ProgressReport.Row> actions = new HashMap<>();
		yearEnd(tree, to).rows().stream().filter((r) -> r.planCode() == null).forEach((r) -> actions.put(r.code(), r));
		Set<Long> published = this.plans.plans().stream().filter((p) -> p.status() != PlanStatus.DRAFT).map(Plan::id).collect(Collectors.toSet());
		List<AnnualReportContent.Section> sections = new ArrayList<>();
		for (PlanElement e : tree.elements()) {
			if (ACTIONS.contains(e.kind())) {
				continue;
			}
			sections.add(new AnnualReportContent.Section(e.id(), e.code(), e.level().label(), e.title(), depth(tree, e),
					measuresOf(e),
					e.children().stream().filter((c) -> c.kind() == ElementKind.ACTION).map((c) -> action(c, actions.get(c.code()))).toList(),
					partnerPlans(tree, e, published)));
		}
		return new AnnualReportContent(tree.plan().code(), tree.plan().title(), tree.plan().type().label(), year, DAY.format(from), DAY.format(to),
				measureRows, sections, participation(tree, from, to), resources(tree, year));
	}

	/** The codes of a section's own measures and of its actions' (and their milestones'), so every measure is in a section. */
	private static List<String> measuresOf(PlanElement e) {
		Set<String> codes = new LinkedHashSet<>();
		e.measures().forEach((m) -> codes.add(m.code()));
		e.children().stream().filter((c) -> c.kind() == ElementKind.ACTION).flatMap((c) -> c.flatten().stream())
			.forEach((x) -> x.measures().forEach((m) -> codes.add(m.code())));
		return List.copyOf(codes);
	}

	private List<AnnualReportContent.MeasureRow> measures(PlanTree tree, LocalDate from, LocalDate to) {
		List<Measure> all = this.measures.measures();
		Map<String, Measure> byCode = all.stream().collect(Collectors.toMap(Measure::code, (m) -> m));
		Set<String> codes = new LinkedHashSet<>();
		tree.elements().forEach((e) -> e.measures().forEach((m) -> codes.add(m.code())));
		List<Measure> own = codes.stream().map(byCode::get).filter((m) -> m != null && m.published()).toList();
		// the gap between the most and least deprived, where a published gap measure is made from one of them
		Map<String, Measure> gaps = new HashMap<>();
		all.stream().filter((m) -> m.gap() != null && m.published() && codes.contains(m.gap().of())).forEach((m) -> gaps.putIfAbsent(m.gap().of(), m));
		List<Measure> judged = new ArrayList<>(own);
		judged.addAll(gaps.values());
		Map<String, MeasureJudge.Assessment> assessed = new HashMap<>();
		this.judge.assess(judged, this.clock.instant(), to).forEach((a) -> assessed.put(a.measure().code(), a));
		Map<Long, String> stories = this.commentary.latest(own);
		List<AnnualReportContent.MeasureRow> rows = new ArrayList<>();
		for (Measure m : own) {
			MeasureJudge.Assessment a = assessed.get(m.code());
			StatusEngine.Point latest = a.latest().orElse(null);
			StatusEngine.Point previous = (latest == null) ? null
					: a.series().stream().filter((p) -> p.period().compareTo(latest.period()) < 0).reduce((x, y) -> y).orElse(null);
			Measure gap = gaps.get(m.code());
			String gapText = null;
			if (gap != null) {
				gapText = assessed.get(gap.code()).latest().map((p) -> gap.title() + ": " + value(gap, p.value()) + " in " + p.period().label())
					.orElse(null);
			}
			StatusEngine.Point scotland = a.scotlandThen();
			StatusEngine.Point family = a.familyGroupThen();
			rows.add(new AnnualReportContent.MeasureRow(m.code(), m.title(), (latest != null) ? value(m, latest.value()) : null,
					(latest != null) ? latest.period().label() : null, (previous != null) ? value(m, previous.value()) : null,
					(previous != null) ? previous.period().label() : null, direction(a.shortTerm()), a.trendWording(),
					(scotland != null) ? value(m, scotland.value()) : null, (family != null) ? value(m, family.value()) : null,
					(a.familyGroup() != null) ? a.familyGroup().name() : null, gapText,
					latest != null && !latest.period().end().isBefore(from.minusYears(1)), m.source(), a.statusWording(),
					stories.get(m.id())));
		}
		return rows;
	}

	private static String value(Measure m, double value) {
		return m.unit().format(value, m.decimals(), m.ratePer());
	}

	private static AnnualReportContent.Direction direction(StatusEngine.Trend trend) {
		return switch (trend) {
			case IMPROVING -> AnnualReportContent.Direction.IMPROVED;
			case WORSENING -> AnnualReportContent.Direction.WORSE;
			case NO_CHANGE -> AnnualReportContent.Direction.NO_CHANGE;
			default -> AnnualReportContent.Direction.NO_JUDGEMENT;
		};
	}

	/** The progress report as at the last reporting period whose deadline fell in the year, or as it stands where none did. */
	private ProgressReport yearEnd(PlanTree tree, LocalDate to) {
		ReportingPeriod last = this.progress.periods(tree.plan().id()).stream().filter((p) -> !p.deadline().isAfter(to))
			.max((a, b) -> a.deadline().compareTo(b.deadline())).orElse(null);
		return this.progress.build(tree.plan().id(), new ProgressReports.Selection(null, null, null, null, null, null,
				(last != null) ? String.valueOf(last.id()) : null, false, false));
	}

	private static AnnualReportContent.Action action(PlanElement action, ProgressReport.Row row) {
		return (row == null) ? new AnnualReportContent.Action(action.code(), action.title(), action.progress(), null, null, String.join("; ", action.leads()))
				: new AnnualReportContent.Action(row.code(), row.title(), row.progress(), row.expectedOutcome().label(), row.note(), row.leadText());
	}

	/** The published partner plans serving the element: a draft plan is not the public's to read of. */
	private List<AnnualReportContent.PartnerPlan> partnerPlans(PlanTree tree, PlanElement e, Set<Long> published) {
		return this.thread.down(e.id()).stream().filter((g) -> g.planId() != tree.plan().id() && published.contains(g.planId()))
			.map((g) -> new AnnualReportContent.PartnerPlan(g.planCode(), g.planTitle(), (int) g.entries().stream().filter(GoldenThread.Entry::action).count(),
					GoldenThread.rollup(List.of(g)).words()))
			.toList();
	}

	/** How many levels the element is below the top of the plan, its vision not counted. */
	private static int depth(PlanTree tree, PlanElement e) {
		int depth = 0;
		for (PlanElement p = parent(tree, e); p != null; p = parent(tree, p)) {
			depth += (p.kind() == ElementKind.VISION) ? 0 : 1;
		}
		return depth;
	}

	private static PlanElement parent(PlanTree tree, PlanElement e) {
		return (e.parentId() != null) ? tree.element(e.parentId()).orElse(null) : null;
	}

	/** Participation held in the year, as published: what was heard and what changed. */
	private List<AnnualReportContent.Participation> participation(PlanTree tree, LocalDate from, LocalDate to) {
		return this.records.participation(tree.plan().id(), false).stream().filter((p) -> {
			LocalDate day = (p.heldTo() != null) ? p.heldTo() : p.heldFrom();
			return day != null && !day.isBefore(from) && !day.isAfter(to);
		}).map((p) -> new AnnualReportContent.Participation(p.title(), p.method().label(), when(p), p.participants(), p.heard(), p.changed())).toList();
	}

	private static String when(Records.Participation p) {
		return (p.heldFrom() == null) ? DAY.format(p.heldTo())
				: (p.heldTo() == null || p.heldTo().equals(p.heldFrom())) ? DAY.format(p.heldFrom()) : DAY.format(p.heldFrom()) + " to " + DAY.format(p.heldTo());
	}

	/** The partners' resources committed for the year, by partner. */
	private List<AnnualReportContent.Resource> resources(PlanTree tree, String year) {
		Map<String, List<Records.Contribution>> byPartner = new TreeMap<>(this.records.contributions(tree.plan().id()).stream()
			.filter((c) -> c.financialYear().equals(year)).collect(Collectors.groupingBy(Records.Contribution::partnerName)));
		return byPartner.entrySet().stream().map((e) -> {
			BigDecimal money = e.getValue().stream().map(Records.Contribution::money).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal fte = e.getValue().stream().map(Records.Contribution::fte).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
			return new AnnualReportContent.Resource(e.getKey(), (money.signum() > 0) ? "£" + String.format("%,.0f", money) : null,
					(fte.signum() > 0) ? fte.stripTrailingZeros().toPlainString() : null,
					e.getValue().stream().map(Records.Contribution::inKind).filter(Objects::nonNull).toList());
		}).toList();
	}

}
