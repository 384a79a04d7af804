package scot.goldenthread.stocktake;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;

import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanStatus;

import org.springframework.stereotype.Service;

/** Where every partnership's published plans stand against the six statements, from the standings kept: three queries for any number of plans. */
@Service
class StockTakeSummary {

	private final StockTakeStandings standings;

	private final PlanCatalogue plans;

	StockTakeSummary(StockTakeStandings standings, PlanCatalogue plans) {
		this.standings = standings;
		this.plans = plans;
	}

	/** A plan and its standing; none where it has not been worked out yet. */
	record Row(Plan plan, StockTakeStandings.Standing standing) {
	}

	/** A partnership's plans, by title. */
	record Group(String partnership, String code, List<Row> rows) {
	}

	/**
	 * The groups by partnership name; {@code shown}, for each statement, how many of the plans worked out have nothing
	 * missing against it; {@code workedOutAt}, the oldest standing shown.
	 */
	record Summary(List<Group> groups, int plans, int workedOut, List<Integer> shown, OffsetDateTime workedOutAt) {
	}

	Summary summary() {
		Map<Long, StockTakeStandings.Standing> all = this.standings.all();
		Map<String, Group> groups = new TreeMap<>();
		List<Plan> published = this.plans.plans().stream().filter((p) -> p.status() != PlanStatus.DRAFT)
			.sorted(Comparator.comparing(Plan::title)).toList();
		for (Plan plan : published) {
			String name = Objects.requireNonNullElse(plan.partnershipName(), "Plans of no partnership");
			groups.computeIfAbsent(name, (n) -> new Group(n, plan.partnershipCode(), new ArrayList<>())).rows().add(new Row(plan, all.get(plan.id())));
		}
		List<StockTakeStandings.Standing> workedOut = published.stream().map((p) -> all.get(p.id())).filter(Objects::nonNull).toList();
		return new Summary(List.copyOf(groups.values()), published.size(), workedOut.size(),
				IntStream.rangeClosed(1, SixStatements.TITLES.size()).mapToObj((n) -> (int) workedOut.stream().filter((s) -> s.shown(n)).count()).toList(),
				workedOut.stream().map(StockTakeStandings.Standing::workedOutAt).min(Comparator.naturalOrder()).orElse(null));
	}

}
