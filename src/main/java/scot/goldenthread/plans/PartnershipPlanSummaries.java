package scot.goldenthread.plans;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import scot.goldenthread.partnerships.PartnershipPlans;
import scot.goldenthread.people.Access;
import scot.goldenthread.shared.Paging;

import org.springframework.stereotype.Service;

/** A partnership's plans as its page shows them, each with a summary of its progress as the person asking may see it. */
@Service
class PartnershipPlanSummaries implements PartnershipPlans {

	private final PlanCatalogue catalogue;

	private final Dashboard dashboard;

	private final Access access;

	private final ActionStatuses statuses;

	PartnershipPlanSummaries(PlanCatalogue catalogue, Dashboard dashboard, Access access, ActionStatuses statuses) {
		this.catalogue = catalogue;
		this.dashboard = dashboard;
		this.access = access;
		this.statuses = statuses;
	}

	@Override
	public Plans plansOf(String partnershipCode, int page) {
		List<Plan> visible = this.catalogue.visible(this.catalogue.plansOf(partnershipCode), this.access);
		Paging paging = Paging.of(page, PAGE, visible.size());
		return new Plans(links(paging.of(visible)), paging);
	}

	@Override
	public Map<String, Leading> leadingPlans() {
		Map<String, List<Plan>> byPartnership = this.catalogue.plans(this.access).stream().filter((p) -> p.partnershipCode() != null)
			.collect(Collectors.groupingBy(Plan::partnershipCode, LinkedHashMap::new, Collectors.toList()));
		Map<String, Plan> leading = new LinkedHashMap<>();
		byPartnership.forEach((code, plans) -> plans.stream().filter((p) -> p.status() != PlanStatus.ARCHIVED)
			.min(Comparator.comparing((Plan p) -> p.type() != PlanType.LOIP)).ifPresent((p) -> leading.put(code, p)));
		Map<Long, PlanLink> links = links(List.copyOf(leading.values())).stream().collect(Collectors.toMap(PlanLink::id, (l) -> l));
		Map<String, Leading> answer = new LinkedHashMap<>();
		leading.forEach((code, plan) -> answer.put(code, new Leading(links.get(plan.id()), byPartnership.get(code).stream().map(Plan::id).toList())));
		return answer;
	}

	/** The plans with their summaries, read and judged all at once, so the queries do not grow with the plans. */
	private List<PlanLink> links(List<Plan> plans) {
		List<PlanTree> trees = this.catalogue.trees(plans, this.access);
		List<List<Dashboard.Column>> dashboards = this.dashboard.of(trees);
		ActionStatuses.Judged judged = this.statuses.of(trees);
		List<PlanLink> links = new ArrayList<>();
		for (int i = 0; i < trees.size(); i++) {
			Plan p = trees.get(i).plan();
			PlanTree tree = trees.get(i);
			ProgressSummary summary = ProgressSummary.of(tree.ofKind(ElementKind.ACTION).stream().map(judged::of),
					dashboards.get(i).stream().flatMap((c) -> c.measures().stream()).toList());
			links.add(new PlanLink(p.id(), p.title(), p.type().label(), p.period(), p.status().label(),
					tree.ofKind(ElementKind.VISION).stream().map(PlanElement::title).findFirst().orElse(null),
					judged.asAt(p).words(), summary.actions(), summary.measures(), summary.trends()));
		}
		return links;
	}

}
