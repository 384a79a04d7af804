package scot.goldenthread.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import scot.goldenthread.measures.MeasureJudge;
import scot.goldenthread.people.Access;
import scot.goldenthread.plans.ActionStatus;
import scot.goldenthread.plans.ActionStatuses;
import scot.goldenthread.plans.Dashboard;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.ImprovementProject;
import scot.goldenthread.plans.ExpectedOutcome;
import scot.goldenthread.plans.GoldenThread;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanStatus;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.plans.PlanVersion;
import scot.goldenthread.progress.ProgressUpdate;
import scot.goldenthread.progress.ProgressUpdates;
import scot.goldenthread.progress.ReportingPeriod;
import scot.goldenthread.progress.UpdateState;
import scot.goldenthread.shared.CodeOf;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.DateInput;
import scot.goldenthread.shared.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.validation.BindingResult;

/** Builds progress reports: a plan's actions as chosen, with what has been approved, or the working draft when asked. */
@Service
public class ProgressReports {

	private final PlanCatalogue plans;

	private final GoldenThread thread;

	private final ProgressUpdates updates;

	private final Access access;

	private final Commands commands;

	private final Clock clock;

	private final ActionStatuses statuses;

	private final Dashboard dashboard;

	ProgressReports(PlanCatalogue plans, GoldenThread thread, ProgressUpdates updates, Access access, Commands commands,
			ActionStatuses statuses, Dashboard dashboard, Clock clock) {
		this.statuses = statuses;
		this.dashboard = dashboard;
		this.commands = commands;
		this.plans = plans;
		this.thread = thread;
		this.updates = updates;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * Which actions a report holds, as typed into the form or the API's query: all optional but the
	 * plan. {@code priority} is the code of the element the actions are under.
	 */
	public record Selection(String priority, String lead, String partner,
			@CodeOf(value = ExpectedOutcome.class, message = "Choose one of the statuses listed") String status, @DateInput.Valid(what = "the first due date") DateInput dueFrom,
			@DateInput.Valid(what = "the last due date") DateInput dueTo, String period, Boolean rollUp, Boolean draft) {

		/** An unticked box sends nothing. */
		public Selection {
			rollUp = Boolean.TRUE.equals(rollUp);
			draft = Boolean.TRUE.equals(draft);
		}

	}

	/** The plan as the person asking may see it. */
	public PlanTree tree(long planId) {
		return this.plans.tree(planId, this.access).orElseThrow(() -> NotFound.because("There is no such plan"));
	}

	public List<ReportingPeriod> periods(long planId) {
		return this.updates.periods(planId);
	}

	public boolean mayAskForDraft(Plan plan) {
		return this.access.maySeeUnpublished(this.plans.scopeOf(plan));
	}

	public ProgressReport build(long planId, Selection selection) {
		return build(tree(planId), selection);
	}

	/**
	 * The report of a plan already read as the person asking may see it; as at one of its reporting periods, of the plan
	 * as the version in force at that period's deadline left it.
	 */
	public ProgressReport build(PlanTree current, Selection selection) {
		long planId = current.plan().id();
		BindingResult errors = this.commands.check(selection);
		ReportingPeriod period = null;
		if (Commands.typed(selection.period()) != null) {
			period = this.updates.periods(planId).stream().filter((p) -> String.valueOf(p.id()).equals(selection.period().strip()))
				.findFirst().orElse(null);
			if (period == null) {
				Commands.reject(errors, "period", "Choose one of the plan's reporting periods");
			}
		}
		PlanVersion version = (period != null) ? this.plans.versionInForce(planId, period.deadline()) : null;
		PlanTree tree = (version != null && !version.current()) ? this.plans.version(current, version.number(), this.access).orElse(current)
				: current;
		Plan plan = tree.plan();
		PlanElement under = null;
		if (Commands.typed(selection.priority()) != null) {
			under = tree.elements().stream().filter((e) -> e.code() != null && e.code().equalsIgnoreCase(selection.priority().strip()))
				.findFirst().orElse(null);
			if (under == null) {
				Commands.reject(errors, "priority", "The plan has no element with the code " + selection.priority().strip());
			}
		}
		ExpectedOutcome status = (Commands.typed(selection.status()) != null) ? ExpectedOutcome.of(selection.status().strip()).orElse(null) : null;
		LocalDate dueFrom = errors.hasFieldErrors("dueFrom") ? null : DateInput.date(selection.dueFrom());
		LocalDate dueTo = errors.hasFieldErrors("dueTo") ? null : DateInput.date(selection.dueTo());
		if (dueFrom != null && dueTo != null && dueTo.isBefore(dueFrom)) {
			Commands.reject(errors, "dueTo", "The end of the due date range must be on or after its start");
		}
		if (selection.draft()) {
			this.access.require(mayAskForDraft(plan));
		}
		Commands.refuseIfAny(errors);
		Filter filter = new Filter(Commands.typed(selection.lead()), Commands.typed(selection.partner()), status, dueFrom, dueTo);
		Map<Long, ProgressUpdate> shown = (period != null) ? this.updates.approvedAsAt(period) : Map.of();
		Map<Long, ProgressUpdate> working = selection.draft() ? this.updates.working(List.of(planId)) : Map.of();
		ActionStatuses.Judged judged = this.statuses.of(tree);
		LocalDate today = LocalDate.now(this.clock);
		// as at the period chosen; a working draft as at the round now open, or the latest to have opened
		ReportingPeriod judgedAt = (period != null) ? period : selection.draft()
				? this.updates.periods(planId).stream().filter((p) -> !p.opensOn().isAfter(today)).reduce((a, b) -> b).orElse(null) : null;
		ActionStatus.AsAt asAt = (judgedAt == null) ? judged.asAt(plan) : ActionStatuses.asAt(plan, judgedAt.position(), today);
		if (!Objects.equals(asAt.periodId(), judged.asAt(plan).periodId())) {
			asAt = asAt.earlier();
		}
		Rows rows = new Rows(plan, judged, asAt, period != null);

		Map<Long, PlanElement> byId = tree.elements().stream().collect(Collectors.toMap(PlanElement::id, Function.identity()));
		Set<Long> within = (under != null) ? under.flatten().stream().map(PlanElement::id).collect(Collectors.toSet()) : byId.keySet();
		Map<Long, ProgressReport.Group> groups = new LinkedHashMap<>();
		for (PlanElement action : tree.ofKind(ElementKind.ACTION)) {
			if (!within.contains(action.id())) {
				continue;
			}
			PlanElement group = groupOf(byId, action);
			// an action at the top of its plan has nothing to be grouped under but the plan (no element has id 0)
			ProgressReport.Group g = groups.computeIfAbsent((group != null) ? group.id() : 0, (id) -> new ProgressReport.Group(id,
					between(byId, null, group), (group != null) ? heading(group) : "Not under a priority - " + plan.title(),
					new ArrayList<>(), List.of()));
			List<String> levels = between(byId, group, action);
			ProgressReport.Row row = rows.row(action, Optional.ofNullable(working.get(action.id())).or(() -> Optional.ofNullable(shown.get(action.id()))),
					null, levels.isEmpty() ? null : String.join(" › ", levels));
			if (filter.test(action, row)) {
				g.rows().add(row);
			}
		}
		if (selection.rollUp()) {
			Map<Long, List<GoldenThread.PlanGroup>> serving = new LinkedHashMap<>();
			groups.keySet().forEach((id) -> serving.put(id, this.thread.down(id)));
			PartnerPlans partners = partners(plan, serving.values().stream().flatMap(List::stream).map(GoldenThread.PlanGroup::planId)
				.collect(Collectors.toSet()), selection.draft(), period);
			for (ProgressReport.Group g : groups.values()) {
				g.rows().addAll(rolledUp(serving.get(g.elementId()), partners, filter, (period != null) ? asAt : null));
			}
		}
		List<ProgressReport.Group> shownGroups = inPlanOrder(tree, byId, within, groups, filter.isEmpty() ? this.dashboard : null);
		List<String> chosen = new ArrayList<>();
		if (tree != current) {
			chosen.add("The plan as version " + version.number() + " set it out, " + version.inForce());
		}
		if (under != null) {
			chosen.add(under.level().label() + " " + under.code() + ": " + under.headline());
		}
		if (filter.lead() != null) {
			chosen.add("Lead: " + filter.lead());
		}
		if (filter.partner() != null) {
			chosen.add("Partner: " + filter.partner());
		}
		if (status != null) {
			chosen.add("Expected outcome: " + status.label());
		}
		if (dueFrom != null || dueTo != null) {
			chosen.add("Due " + ((dueFrom != null) ? "from " + dueFrom + " " : "") + ((dueTo != null) ? "to " + dueTo : "").strip());
		}
		if (selection.rollUp()) {
			chosen.add("With the actions of partner plans that serve each priority");
		}
		return new ProgressReport(plan, plan.title(), chosen, asAt.words(), LocalDateTime.now(this.clock), selection.draft(), shownGroups);
	}

	/**
	 * The other plans the golden thread leads to, read once a report and all at once: their trees and the updates
	 * their rows show, the working draft's or, as at a period, those approved by that period's close, by action.
	 */
	private record PartnerPlans(Map<Long, PlanTree> trees, Map<Long, ProgressUpdate> shown, ActionStatuses.Judged judged) {
	}

	private PartnerPlans partners(Plan plan, Set<Long> planIds, boolean draft, ReportingPeriod period) {
		List<Plan> others = this.plans.plans().stream()
			.filter((p) -> p.id() != plan.id() && planIds.contains(p.id()) && (draft || p.status() != PlanStatus.DRAFT))
			.toList();
		Map<Long, PlanTree> trees = new HashMap<>();
		this.plans.trees(others, this.access).forEach((tree) -> trees.put(tree.plan().id(), tree));
		Map<Long, ProgressUpdate> shown = trees.isEmpty() ? Map.of() : draft ? this.updates.working(trees.keySet())
				: (period != null) ? this.updates.approvedBy(trees.keySet(), period.closesOn()) : Map.of();
		return new PartnerPlans(trees, shown, this.statuses.of(List.copyOf(trees.values())));
	}

	/**
	 * Actions of other plans that serve the group's element, each with its own plan's code and lead, as at
	 * {@code asAt}, the period chosen, or with none as each plan now stands.
	 */
	private List<ProgressReport.Row> rolledUp(List<GoldenThread.PlanGroup> serving, PartnerPlans partners, Filter filter,
			ActionStatus.AsAt asAt) {
		List<ProgressReport.Row> rows = new ArrayList<>();
		for (GoldenThread.PlanGroup group : serving) {
			PlanTree tree = partners.trees().get(group.planId());
			if (tree == null) {
				continue;
			}
			for (GoldenThread.Entry entry : group.entries()) {
				if (entry.kind() == ElementKind.ACTION) {
					tree.element(entry.elementId()).ifPresent((action) -> {
						// another plan's actions are judged by what its leads had said by the report's date, as at that date
						ActionStatus.AsAt theirs = (asAt == null) ? partners.judged().asAt(tree.plan())
								: new ActionStatus.AsAt(asAt.date().isAfter(tree.plan().end()) ? tree.plan().end() : asAt.date(), null, null,
										tree.plan().end(), asAt.ended());
						ProgressReport.Row row = new Rows(tree.plan(), partners.judged(), theirs, asAt != null)
							.row(action, Optional.ofNullable(partners.shown().get(action.id())), tree.plan().code(), null);
						if (filter.test(action, row)) {
							rows.add(row);
						}
					});
				}
			}
		}
		return rows;
	}

	/**
	 * The groups with rows, in the plan's order; with {@code withoutActions} (no filter on the actions chosen), each
	 * element with no action under it too, with its measures and their status, so that no part of the plan is missing.
	 */
	private static List<ProgressReport.Group> inPlanOrder(PlanTree tree, Map<Long, PlanElement> byId, Set<Long> within,
			Map<Long, ProgressReport.Group> groups, Dashboard withoutActions) {
		List<PlanElement> actionless = (withoutActions == null) ? List.of() : tree.elements().stream()
			.filter((e) -> within.contains(e.id()) && !groups.containsKey(e.id()) && !SHOWN_ELSEWHERE.contains(e.kind()))
			.filter((e) -> e.flatten().stream().noneMatch((below) -> below.kind() == ElementKind.ACTION))
			.toList();
		Map<String, MeasureJudge.Assessment> judged = actionless.isEmpty() ? Map.of() : withoutActions.judged(actionless);
		List<ProgressReport.Group> ordered = new ArrayList<>();
		Optional.ofNullable(groups.get(0L)).filter((g) -> !g.rows().isEmpty()).ifPresent(ordered::add);
		for (PlanElement e : tree.elements()) {
			if (groups.containsKey(e.id())) {
				Optional.of(groups.get(e.id())).filter((g) -> !g.rows().isEmpty()).ifPresent(ordered::add);
			}
			else if (actionless.contains(e)) {
				ordered.add(new ProgressReport.Group(e.id(), between(byId, null, e), heading(e), List.of(), e.measures().stream()
					.filter((m) -> judged.containsKey(m.code()))
					.map((m) -> new ProgressReport.MeasureLine(m.code(), m.title(), judged.get(m.code()).statusWording()))
					.toList()));
			}
		}
		return ordered;
	}

	/** "Stretch outcome - Fewer families in crisis": an element as a report heads its part, in its plan's words. */
	private static String heading(PlanElement e) {
		return e.level().label() + " - " + e.title();
	}

	/**
	 * The headings of the elements between {@code top} (the top of the plan where null) and {@code element}, neither
	 * included, from the top down; the vision, which heads the whole plan, is left out.
	 */
	private static List<String> between(Map<Long, PlanElement> byId, PlanElement top, PlanElement element) {
		List<String> between = new ArrayList<>();
		if (element == null) {
			return between;
		}
		for (PlanElement e = (element.parentId() != null) ? byId.get(element.parentId()) : null; e != null && e != top;
				e = (e.parentId() != null) ? byId.get(e.parentId()) : null) {
			if (e.kind() != ElementKind.VISION) {
				between.add(0, heading(e));
			}
		}
		return between;
	}

	/** The vision heads every report; actions are rows; milestones belong to their action. */
	private static final Set<ElementKind> SHOWN_ELSEWHERE = Set.of(ElementKind.VISION, ElementKind.ACTION, ElementKind.MILESTONE);

	/** The priority an action is reported under: the nearest priority above it, or else its parent (none at the top). */
	private static PlanElement groupOf(Map<Long, PlanElement> byId, PlanElement action) {
		if (action.parentId() == null) {
			return null;
		}
		PlanElement parent = byId.get(action.parentId());
		for (PlanElement e = parent; e != null; e = (e.parentId() != null) ? byId.get(e.parentId()) : null) {
			if (e.kind() == ElementKind.PRIORITY) {
				return e;
			}
		}
		return parent;
	}

	/**
	 * A plan's rows, each action with its one status: as its plan stands ({@code judged}), or as the update given says,
	 * as at {@code asAt}; {@code asAtPeriod} where an action with no update shown has none by then.
	 */
	private record Rows(Plan plan, ActionStatuses.Judged judged, ActionStatus.AsAt asAt, boolean asAtPeriod) {

		ProgressReport.Row row(PlanElement action, Optional<ProgressUpdate> update, String planCode, String under) {
			// a project is in the phase its update gives, or else the one it has reached
			ImprovementProject.Phase phase = (action.project() != null) ? action.project().phase() : null;
			return update.map((u) -> new ProgressReport.Row(action.code(), action.title(), action.due(), action.dueWritten(), u.progress(),
					ActionStatuses.judge(this.plan, action, u.progress(), u.assessment(),
							this.asAt.periodId() == null || this.asAt.periodId() == u.periodId(), u.periodName(), this.asAt).status(),
					u.note(), action.leads(), planCode, (u.state() == UpdateState.APPROVED) ? null : u.state().label(), under,
					(u.phase() != null) ? u.phase() : phase))
				.orElseGet(() -> this.asAtPeriod
						? new ProgressReport.Row(action.code(), action.title(), action.due(), action.dueWritten(), null,
								ActionStatuses.judge(this.plan, action, null, null, false, null, this.asAt).status(), null, action.leads(), planCode, null,
								under, phase)
						: new ProgressReport.Row(action.code(), action.title(), action.due(), action.dueWritten(), action.progress(), this.judged.of(action).status(),
								action.latestNote(), action.leads(), planCode, null, under, phase));
		}

	}

	private record Filter(String lead, String partner, ExpectedOutcome status, LocalDate dueFrom, LocalDate dueTo) {

		boolean isEmpty() {
			return this.lead == null && this.partner == null && this.status == null && this.dueFrom == null && this.dueTo == null;
		}

		/** The partner may be named as a lead or as a partnership the action is delivered through. */
		boolean test(PlanElement action, ProgressReport.Row row) {
			return (this.lead == null || contains(action.leads(), this.lead))
					&& (this.partner == null || contains(action.leads(), this.partner) || contains(action.partnerships(), this.partner))
					&& (this.status == null || this.status == row.expectedOutcome())
					&& (this.dueFrom == null || (row.due() != null && !row.due().isBefore(this.dueFrom)))
					&& (this.dueTo == null || (row.due() != null && !row.due().isAfter(this.dueTo)));
		}

		private static boolean contains(List<String> values, String words) {
			String wanted = words.toLowerCase(Locale.ROOT);
			return values.stream().anyMatch((v) -> v.toLowerCase(Locale.ROOT).contains(wanted));
		}

	}

}
