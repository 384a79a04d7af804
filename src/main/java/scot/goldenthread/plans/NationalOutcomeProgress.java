package scot.goldenthread.plans;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import scot.goldenthread.measures.MeasureJudge;
import scot.goldenthread.people.Access;

import org.springframework.stereotype.Service;

/**
 * How the local elements listed under a national outcome are doing, in all and plan by plan: their actions by status
 * as each plan's reporting stands, and their published measures by status and trend.
 */
@Service
class NationalOutcomeProgress {

	private final GoldenThread thread;

	private final PlanCatalogue catalogue;

	private final Dashboard dashboard;

	private final Access access;

	NationalOutcomeProgress(GoldenThread thread, PlanCatalogue catalogue, Dashboard dashboard, Access access) {
		this.thread = thread;
		this.catalogue = catalogue;
		this.dashboard = dashboard;
		this.access = access;
	}

	record Served(GoldenThread.PlanGroup group, ProgressSummary summary) {
	}

	record Progress(ProgressSummary total, List<Served> plans) {
	}

	Progress of(String nationalOutcomeCode) {
		List<GoldenThread.PlanGroup> listed = this.thread.down(nationalOutcomeCode);
		Set<Long> planIds = listed.stream().map(GoldenThread.PlanGroup::planId).collect(Collectors.toSet());
		// the plans' trees read once: for their actions' statuses and for their elements' measures
		List<PlanTree> read = this.catalogue.trees(this.catalogue.plans().stream().filter((p) -> planIds.contains(p.id())).toList(), this.access);
		List<GoldenThread.PlanGroup> groups = this.thread.judged(listed, read);
		Map<Long, PlanTree> trees = read.stream().collect(Collectors.toMap((t) -> t.plan().id(), Function.identity()));
		Function<GoldenThread.PlanGroup, List<PlanElement>> elements = (g) -> g.entries().stream()
			.map((e) -> Optional.ofNullable(trees.get(g.planId())).flatMap((t) -> t.element(e.elementId()))).flatMap(Optional::stream).toList();
		List<PlanElement> all = groups.stream().flatMap((g) -> elements.apply(g).stream()).toList();
		Map<String, MeasureJudge.Assessment> judged = this.dashboard.judged(all);
		List<Served> plans = groups.stream().map((g) -> new Served(g, summary(List.of(g), elements.apply(g), judged))).toList();
		return new Progress(summary(groups, all, judged), plans);
	}

	private static ProgressSummary summary(List<GoldenThread.PlanGroup> groups, List<PlanElement> elements, Map<String, MeasureJudge.Assessment> judged) {
		return ProgressSummary.of(groups.stream().flatMap((g) -> g.entries().stream()).filter(GoldenThread.Entry::action).map(GoldenThread.Entry::status),
				elements.stream().flatMap((e) -> e.measures().stream()).map((m) -> judged.get(m.code())).filter(Objects::nonNull).distinct().toList());
	}

}
