package scot.goldenthread.measures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import scot.goldenthread.measures.StatusEngine.Status;
import scot.goldenthread.people.Access;

import org.springframework.stereotype.Service;

/**
 * The published measures as the list page shows them: judged all at once, narrowed by plan, status, trend and
 * whether they have data, those with data first, a page at a time, with how many there are of each status.
 */
@Service
class MeasureList {

	static final int PAGE_SIZE = 50;

	private final MeasureCatalogue catalogue;

	private final MeasureJudge judge;

	private final MeasureUses uses;

	private final Access access;

	private final Clock clock;

	MeasureList(MeasureCatalogue catalogue, MeasureJudge judge, MeasureUses uses, Access access, Clock clock) {
		this.catalogue = catalogue;
		this.judge = judge;
		this.uses = uses;
		this.access = access;
		this.clock = clock;
	}

	/** What is asked, as the page's form or an API call sends it: a blank choice is no choice. */
	record Filter(String plan, String status, String trend, boolean withData, int page) {

		Filter {
			plan = blank(plan);
			status = blank(status);
			trend = blank(trend);
		}

		private static String blank(String text) {
			return (text == null || text.isBlank()) ? null : text.strip();
		}

	}

	/** One page of what matched; {@code byStatus} counts every measure that matched, on every page. */
	record Listing(List<MeasureJudge.Assessment> shown, int matched, int all, int page, int pages, Map<Status, Long> byStatus,
			List<MeasureUses.PlanMeasures> plans) {

		/** The place of the page's first measure among all that matched, counting from 1. */
		public int first() {
			return (this.page - 1) * PAGE_SIZE + 1;
		}

		public int last() {
			return first() + this.shown.size() - 1;
		}

	}

	Listing list(Filter filter) {
		List<MeasureUses.PlanMeasures> plans = this.uses.plansUsingMeasures(this.access);
		List<Measure> published = this.catalogue.measures().stream().filter(Measure::published).toList();
		List<MeasureJudge.Assessment> matched = matching(filter, plans, published);
		Map<Status, Long> byStatus = new EnumMap<>(Status.class);
		matched.forEach((a) -> byStatus.merge(a.status().status(), 1L, Long::sum));
		int pages = Math.max(1, (matched.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(filter.page(), 1), pages);
		return new Listing(matched.subList((page - 1) * PAGE_SIZE, Math.min(page * PAGE_SIZE, matched.size())), matched.size(),
				published.size(), page, pages, byStatus, plans);
	}

	/** Every published measure the filter lets through, judged now, those with data first; its page is not used. */
	List<MeasureJudge.Assessment> matching(Filter filter) {
		return matching(filter, this.uses.plansUsingMeasures(this.access),
				this.catalogue.measures().stream().filter(Measure::published).toList());
	}

	private List<MeasureJudge.Assessment> matching(Filter filter, List<MeasureUses.PlanMeasures> plans, List<Measure> published) {
		Set<String> ofPlan = plans.stream().filter((p) -> p.planCode().equals(filter.plan())).findFirst()
			.map(MeasureUses.PlanMeasures::measureCodes).orElse(null);
		List<Measure> candidates = published.stream().filter((m) -> ofPlan == null || ofPlan.contains(m.code())).toList();
		return this.judge.assess(candidates, this.clock.instant(), LocalDate.now(this.clock)).stream()
			.filter((a) -> filter.status() == null || a.status().status().code().equals(filter.status()))
			.filter((a) -> filter.trend() == null || a.shortTerm().code().equals(filter.trend()))
			.filter((a) -> !filter.withData() || a.latest().isPresent())
			.sorted(Comparator.comparing((MeasureJudge.Assessment a) -> a.latest().isEmpty()).thenComparing((a) -> a.measure().code()))
			.toList();
	}

}
