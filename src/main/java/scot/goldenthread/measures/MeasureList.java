package scot.goldenthread.measures;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import scot.goldenthread.measures.StatusEngine.Status;
import scot.goldenthread.people.Access;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.Paging;

import org.springframework.stereotype.Service;

/**
 * The published measures as the list page shows them: judged all at once, each judgement kept until its measure
 * changes; narrowed by partnership, plan, national outcome, status, trend and whether they have data, those with data
 * first, a page at a time, with how many there are of each status.
 */
@Service
class MeasureList {

	static final int PAGE_SIZE = 50;

	private final MeasureCatalogue catalogue;

	private final KeptJudgements judgements;

	private final MeasureUses uses;

	private final Access access;

	MeasureList(MeasureCatalogue catalogue, KeptJudgements judgements, MeasureUses uses, Access access) {
		this.catalogue = catalogue;
		this.judgements = judgements;
		this.uses = uses;
		this.access = access;
	}

	/** What is asked, as the page's form or an API call sends it: a blank choice is no choice. */
	record Filter(String partnership, String plan, String outcome, String strategicOutcome, String status, String trend, boolean withData,
			int page) {

		Filter {
			partnership = Commands.typed(partnership);
			outcome = Commands.typed(outcome);
			strategicOutcome = Commands.typed(strategicOutcome);
			plan = Commands.typed(plan);
			status = Commands.typed(status);
			trend = Commands.typed(trend);
		}

	}

	/** One page of what matched; {@code byStatus} counts every measure that matched, on every page. */
	record Listing(List<MeasureJudge.Assessment> shown, Paging paging, int all, Map<Status, Long> byStatus,
			List<MeasureUses.PlanMeasures> plans) {
	}

	/** The filter's page of {@code size} measures. */
	Listing list(Filter filter, int size) {
		List<MeasureUses.PlanMeasures> plans = this.uses.plansUsingMeasures(this.access);
		List<Measure> all = this.catalogue.measures();
		List<Measure> published = all.stream().filter(Measure::listed).toList();
		List<MeasureJudge.Assessment> matched = matching(filter, plans, published, all);
		Map<Status, Long> byStatus = new EnumMap<>(Status.class);
		matched.forEach((a) -> byStatus.merge(a.status().status(), 1L, Long::sum));
		Paging paging = Paging.of(filter.page(), size, matched.size());
		return new Listing(paging.of(matched), paging, published.size(), byStatus, plans);
	}

	private List<MeasureJudge.Assessment> matching(Filter filter, List<MeasureUses.PlanMeasures> plans, List<Measure> published,
			List<Measure> all) {
		boolean byPlans = filter.plan() != null || filter.partnership() != null || filter.outcome() != null
				|| filter.strategicOutcome() != null;
		Set<String> ofPlans = !byPlans ? null : plans.stream()
			.filter((p) -> filter.plan() == null || p.planCode().equals(filter.plan()))
			.filter((p) -> filter.partnership() == null || filter.partnership().equals(p.partnershipCode()))
			.flatMap((p) -> {
				Set<String> codes = new HashSet<>(p.measureCodes());
				if (filter.outcome() != null) {
					codes.retainAll(p.served().stream().filter((s) -> s.outcomeCode().equals(filter.outcome()))
						.map(MeasureUses.Served::measureCode).toList());
				}
				if (filter.strategicOutcome() != null) {
					codes.retainAll(p.under().stream().filter((u) -> u.reference().equals(filter.strategicOutcome()))
						.map(MeasureUses.Under::measureCode).toList());
				}
				return codes.stream();
			})
			.collect(Collectors.toSet());
		List<Measure> candidates = published.stream().filter((m) -> ofPlans == null || ofPlans.contains(m.code())).toList();
		return this.judgements.today(candidates, all).stream()
			.filter((a) -> filter.status() == null || a.status().status().code().equals(filter.status()))
			.filter((a) -> filter.trend() == null || a.shortTerm().code().equals(filter.trend()))
			.filter((a) -> !filter.withData() || a.latest().isPresent())
			.sorted(Comparator.comparing((MeasureJudge.Assessment a) -> a.latest().isEmpty()).thenComparing((a) -> a.measure().code()))
			.toList();
	}

}
