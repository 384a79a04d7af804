package scot.goldenthread.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.MeasureJudge;

import org.springframework.stereotype.Service;

/** Seed 000's dashboard: a plan's published measures in a column for each pillar, each judged now. */
@Service
public class Dashboard {

	private final MeasureCatalogue measures;

	private final MeasureJudge judge;

	private final Clock clock;

	Dashboard(MeasureCatalogue measures, MeasureJudge judge, Clock clock) {
		this.measures = measures;
		this.judge = judge;
		this.clock = clock;
	}

	public record Column(PlanElement pillar, List<MeasureJudge.Assessment> measures) {
	}

	public List<Column> of(PlanTree tree) {
		Map<String, Measure> published = this.measures.measures().stream().filter(Measure::published)
			.collect(Collectors.toMap(Measure::code, (m) -> m));
		List<PlanOnAPage.Column> columns = PlanOnAPage.of(tree).columns();
		List<List<Measure>> shown = columns.stream()
			.map((c) -> c.pillar().flatten().stream().flatMap((e) -> e.measures().stream())
				.map((m) -> published.get(m.code())).filter(Objects::nonNull).toList())
			.toList();
		// every column's measures judged at once, so the queries do not grow with the plan's measures
		Iterator<MeasureJudge.Assessment> assessed = this.judge.assess(shown.stream().flatMap(List::stream).toList(), this.clock.instant(),
				LocalDate.now(this.clock)).iterator();
		List<Column> dashboard = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			dashboard.add(new Column(columns.get(i).pillar(), shown.get(i).stream().map((m) -> assessed.next()).toList()));
		}
		return dashboard;
	}

}
