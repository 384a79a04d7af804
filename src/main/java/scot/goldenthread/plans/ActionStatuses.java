package scot.goldenthread.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * Every action's one status, as each plan's reporting stands: the one place pages, search, reports, the API
 * and open data take it from. The queries are the same few however many plans and actions are judged.
 */
@Service
public class ActionStatuses {

	/** None where the update cycle is not there to ask, as in a test of plans alone: each plan is judged on its own file. */
	private final List<ReportingPositions> cycle;

	private final Clock clock;

	ActionStatuses(List<ReportingPositions> cycle, Clock clock) {
		this.cycle = cycle;
		this.clock = clock;
	}

	/** The statuses of some plans' actions, each plan judged as at its own {@link ActionStatus.AsAt}. */
	public record Judged(Map<Long, ActionStatus.AsAt> plans, Map<Long, ActionStatus.Status> actions) {

		public ActionStatus.Status of(PlanElement action) {
			return this.actions.get(action.id());
		}

		public ActionStatus.AsAt asAt(Plan plan) {
			return this.plans.get(plan.id());
		}

		/** The actions' statuses added up, with their average progress. */
		public Rollup rollup(Collection<PlanElement> actions) {
			return Rollup.of(actions.stream().map((a) -> of(a).status()).toList(), actions.stream().map(PlanElement::progress).toList());
		}

	}

	/** How many actions have each status, in the statuses' order, and their average progress where any has one. */
	public record Rollup(Map<ExpectedOutcome, Long> counts, int actions, Integer averageProgress) {

		/** Each action's status and its progress (null where it has none), in the same order. */
		public static Rollup of(List<ExpectedOutcome> statuses, List<Integer> progress) {
			Map<ExpectedOutcome, Long> counts = new EnumMap<>(ExpectedOutcome.class);
			statuses.forEach((s) -> counts.merge(s, 1L, Long::sum));
			List<Integer> known = progress.stream().filter(Objects::nonNull).toList();
			return new Rollup(counts, statuses.size(),
					known.isEmpty() ? null : (int) Math.round(known.stream().mapToInt(Integer::intValue).average().orElseThrow()));
		}

		/** "3 actions: 2 on track, 1 at risk; 47% done on average". */
		public String words() {
			String each = this.counts.entrySet().stream().map((e) -> e.getValue() + " " + e.getKey().label().toLowerCase())
				.collect(Collectors.joining(", "));
			return this.actions + ((this.actions == 1) ? " action" : " actions") + (each.isEmpty() ? "" : ": " + each)
					+ ((this.averageProgress != null) ? "; " + this.averageProgress + "% done on average" : "");
		}

	}

	public Judged of(PlanTree tree) {
		return of(List.of(tree));
	}

	public Judged of(List<PlanTree> trees) {
		LocalDate today = LocalDate.now(this.clock);
		List<Long> planIds = trees.stream().map((t) -> t.plan().id()).toList();
		boolean asked = !this.cycle.isEmpty() && !planIds.isEmpty();
		Map<Long, ReportingPositions.Period> latest = asked ? this.cycle.get(0).latest(planIds, today) : Map.of();
		Map<Long, ReportingPositions.Period> lastApproved = asked ? this.cycle.get(0).lastApproved(planIds) : Map.of();
		Map<Long, ActionStatus.AsAt> plans = new HashMap<>();
		Map<Long, ActionStatus.Status> actions = new HashMap<>();
		for (PlanTree tree : trees) {
			Plan plan = tree.plan();
			ActionStatus.AsAt asAt = asAt(plan, latest.get(plan.id()), today);
			plans.put(plan.id(), asAt);
			for (PlanElement action : tree.ofKind(ElementKind.ACTION)) {
				ReportingPositions.Period reported = lastApproved.get(action.id());
				boolean current = Objects.equals((reported != null) ? reported.id() : null, asAt.periodId());
				actions.put(action.id(), judge(plan, action, action.progress(), action.assessment(), current,
						(reported != null) ? reported.name() : null, asAt));
			}
		}
		return new Judged(plans, actions);
	}

	/** As at a period of the plan's or, with none, as at today until the plan ends and at its end after. */
	public static ActionStatus.AsAt asAt(Plan plan, ReportingPositions.Period period, LocalDate today) {
		boolean ended = plan.end().isBefore(today);
		if (period == null) {
			return new ActionStatus.AsAt(ended ? plan.end() : today, null, null, plan.end(), ended);
		}
		LocalDate date = period.deadline().isAfter(plan.end()) ? plan.end() : period.deadline();
		return new ActionStatus.AsAt(date, period.id(), period.name(), plan.end(), ended);
	}

	/**
	 * An action of the plan with what its lead said, if anything ({@code current} where it was said in the period
	 * judged, {@code reportedIn} the period it was said in), judged as at {@code asAt}.
	 */
	public static ActionStatus.Status judge(Plan plan, PlanElement action, Integer progress, Assessment assessment, boolean current,
			String reportedIn, ActionStatus.AsAt asAt) {
		ActionStatus.Position position = (progress != null || assessment != null)
				? new ActionStatus.Position((progress != null) ? progress : 0, assessment, current, reportedIn) : null;
		return ActionStatus.judge((action.start() != null) ? action.start() : plan.start(), action.due(), action.ownerDecision(), position,
				asAt);
	}

}
