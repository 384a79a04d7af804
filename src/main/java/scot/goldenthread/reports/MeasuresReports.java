package scot.goldenthread.reports;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.MeasureChart;
import scot.goldenthread.measures.MeasureJudge;
import scot.goldenthread.measures.Geographies;
import scot.goldenthread.plans.Dashboard;
import scot.goldenthread.plans.PlanTree;

import org.springframework.stereotype.Service;

/** Builds the measures report of a plan from its dashboard, with the words and symbols the dashboard shows. */
@Service
class MeasuresReports {

	static final int CHART_WIDTH = 520;

	static final int CHART_HEIGHT = 240;

	private final ProgressReports progress;

	private final Dashboard dashboard;

	private final Geographies geographies;

	private final Clock clock;

	MeasuresReports(ProgressReports progress, Dashboard dashboard, Geographies geographies, Clock clock) {
		this.progress = progress;
		this.dashboard = dashboard;
		this.geographies = geographies;
		this.clock = clock;
	}

	/** With {@code charts}, each measure with data has its chart drawn as a picture, for the files that carry one. */
	public MeasuresReport build(long planId, boolean charts) {
		PlanTree tree = this.progress.tree(planId);
		List<MeasuresReport.Group> groups = this.dashboard.of(tree).stream()
			.map((c) -> new MeasuresReport.Group(c.pillar().level().label() + " - " + c.pillar().title(),
					c.measures().stream().map((a) -> row(a, charts)).toList()))
			.toList();
		return new MeasuresReport(tree.plan(), LocalDateTime.now(this.clock), groups);
	}

	private MeasuresReport.Row row(MeasureJudge.Assessment a, boolean charts) {
		Measure m = a.measure();
		var latest = a.latest();
		var target = a.status().target();
		String status = (a.status().status().symbol() + " " + a.status().status().label()).strip();
		String trend = (a.shortTerm().symbol() + " " + a.shortTerm().label()).strip();
		String comparison = a.comparison().label() + ((a.familyGroup() != null)
				? "; " + a.familyGroup().name() + ": " + a.familyGroup().comparison().label().toLowerCase(java.util.Locale.ROOT) : "");
		return new MeasuresReport.Row(m.code(), m.title(),
				latest.map((p) -> m.unit().format(p.value(), m.decimals(), m.ratePer())).orElse("No data yet"),
				latest.map((p) -> p.period().label()).orElse(""),
				(target != null) ? m.unit().format(target.value(), m.decimals(), m.ratePer()) + " by " + target.period().label() : "",
				status, trend, comparison, a.statusWording(), latest.isPresent(),
				(charts && latest.isPresent()) ? MeasureChart.png(a, this.geographies.name(a.area()), CHART_WIDTH, CHART_HEIGHT) : null);
	}

}
