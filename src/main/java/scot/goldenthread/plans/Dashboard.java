package scot.goldenthread.plans;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
		Instant now = this.clock.instant();
		return PlanOnAPage.of(tree).columns().stream()
			.map((c) -> new Column(c.pillar(), c.pillar().flatten().stream()
				.flatMap((e) -> e.measures().stream())
				.map((m) -> this.measures.measure(m.code()).orElseThrow())
				.filter(Measure::published)
				.map((m) -> this.judge.assess(m, now, LocalDate.now(this.clock)))
				.toList()))
			.toList();
	}

}
