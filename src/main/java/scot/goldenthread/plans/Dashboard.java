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
		return of(List.of(tree)).get(0);
	}

	/** Each plan's dashboard, every measure of every plan judged at once, so the queries grow with neither. */
	public List<List<Column>> of(List<PlanTree> trees) {
		Map<String, Measure> published = published();
		List<List<PlanOnAPage.Column>> columns = trees.stream().map((tree) -> PlanOnAPage.of(tree).columns()).toList();
		List<List<List<Measure>>> shown = columns.stream().map((plan) -> plan.stream()
			.map((c) -> c.pillar().flatten().stream().flatMap((e) -> e.measures().stream())
				.map((m) -> published.get(m.code())).filter(Objects::nonNull).toList())
			.toList()).toList();
		Iterator<MeasureJudge.Assessment> assessed = this.judge.assess(shown.stream().flatMap(List::stream).flatMap(List::stream).toList(),
				this.clock.instant(), LocalDate.now(this.clock)).iterator();
		List<List<Column>> dashboards = new ArrayList<>();
		for (int p = 0; p < trees.size(); p++) {
			List<Column> dashboard = new ArrayList<>();
			for (int i = 0; i < columns.get(p).size(); i++) {
				dashboard.add(new Column(columns.get(p).get(i).pillar(), shown.get(p).get(i).stream().map((m) -> assessed.next()).toList()));
			}
			dashboards.add(dashboard);
		}
		return dashboards;
	}

	/** The published measures of these elements, each judged now, once, by code. */
	public Map<String, MeasureJudge.Assessment> judged(List<PlanElement> elements) {
		Map<String, Measure> published = published();
		return this.judge.assess(elements.stream().flatMap((e) -> e.measures().stream()).map((m) -> published.get(m.code()))
				.filter(Objects::nonNull).distinct().toList(), this.clock.instant(), LocalDate.now(this.clock))
			.stream().collect(Collectors.toMap((a) -> a.measure().code(), (a) -> a));
	}

	private Map<String, Measure> published() {
		return this.measures.measures().stream().filter(Measure::published).collect(Collectors.toMap(Measure::code, (m) -> m));
	}

}
