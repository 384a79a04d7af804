package scot.goldenthread.measures;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import scot.goldenthread.measures.StatusEngine.Baseline;
import scot.goldenthread.measures.StatusEngine.Comparison;
import scot.goldenthread.measures.StatusEngine.Judgement;
import scot.goldenthread.measures.StatusEngine.Point;
import scot.goldenthread.measures.StatusEngine.Status;
import scot.goldenthread.measures.StatusEngine.Target;
import scot.goldenthread.measures.StatusEngine.TargetKind;
import scot.goldenthread.measures.StatusEngine.Trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatusEngineTests {

	static Period fy(String code) {
		return Period.parse(code, PeriodType.FINANCIAL_YEAR);
	}

	static Point point(String period, double value) {
		return new Point(fy(period), value);
	}

	/** A financial-year series from 2015/16, one value a year. */
	static List<Point> series(double... values) {
		return IntStream.range(0, values.length).mapToObj((i) -> new Point(fy((2015 + i) + "/" + (16 + i)), values[i])).toList();
	}

	@ParameterizedTest(name = "{0}: {1} against {2}, tolerance {3}% -> {4}")
	@CsvSource(textBlock = """
			higher-is-better,   80, 80, 5, ON_TARGET
			higher-is-better,   85, 80, 5, ON_TARGET
			higher-is-better,   77, 80, 5, WITHIN_TOLERANCE
			higher-is-better,   76, 80, 5, WITHIN_TOLERANCE
			higher-is-better,   75, 80, 5, OFF_TARGET
			lower-is-better,    20, 22, 5, ON_TARGET
			lower-is-better,    23, 22, 5, WITHIN_TOLERANCE
			lower-is-better,    24, 22, 5, OFF_TARGET
			closest-to-target,  96, 95, 2, ON_TARGET
			closest-to-target,  93.2, 95, 2, ON_TARGET
			closest-to-target,  91.5, 95, 2, WITHIN_TOLERANCE
			closest-to-target,  99, 95, 2, OFF_TARGET
			""")
	void statusHonoursPolarityAndTolerance(String polarity, double actual, double target, double tolerance, Status status) {
		assertThat(StatusEngine.status(actual, target, Polarity.of(polarity).orElseThrow(), Tolerance.percent(tolerance)))
			.isEqualTo(status);
	}

	@Test
	void anAbsoluteToleranceIsInTheMeasuresUnit() {
		assertThat(StatusEngine.status(12.5, 11, Polarity.LOWER_IS_BETTER, Tolerance.absolute(1.5))).isEqualTo(Status.WITHIN_TOLERANCE);
		assertThat(StatusEngine.status(12.6, 11, Polarity.LOWER_IS_BETTER, Tolerance.absolute(1.5))).isEqualTo(Status.OFF_TARGET);
	}

	@Test
	void aTargetStillToComeIsJudgedByTheTrajectoryFromTheBaseline() {
		// baseline 20% in 2020/21, target 10% by 2030/31: one year in, the trajectory stands at 19%
		Baseline baseline = new Baseline(fy("2020/21"), 20);
		Target target = new Target(TargetKind.LONG_TERM, fy("2030/31"), 10);
		Judgement judgement = StatusEngine.againstTarget(List.of(point("2020/21", 20), point("2021/22", 19.2)), baseline,
				List.of(target), Polarity.LOWER_IS_BETTER, Tolerance.percent(5));
		assertThat(judgement.onTrajectory()).isTrue();
		assertThat(judgement.expected()).isCloseTo(19.0, within(0.01));
		assertThat(judgement.status()).isEqualTo(Status.WITHIN_TOLERANCE);
		assertThat(judgement.target()).isEqualTo(target);
	}

	@Test
	void theTargetThatAppliesIsTheNextOneDueOrElseTheLast() {
		List<Target> targets = List.of(new Target(TargetKind.SHORT_TERM, fy("2022/23"), 50),
				new Target(TargetKind.MEDIUM_TERM, fy("2025/26"), 60), new Target(TargetKind.LONG_TERM, fy("2030/31"), 70));
		Judgement due = StatusEngine.againstTarget(List.of(point("2022/23", 51)), null, targets, Polarity.HIGHER_IS_BETTER,
				Tolerance.percent(0));
		assertThat(due.target().kind()).isEqualTo(TargetKind.SHORT_TERM);
		assertThat(due.status()).isEqualTo(Status.ON_TARGET);
		Judgement next = StatusEngine.againstTarget(List.of(point("2023/24", 51)), null, targets, Polarity.HIGHER_IS_BETTER,
				Tolerance.percent(0));
		// without a baseline there is no trajectory: the medium-term target itself is the bar
		assertThat(next.target().kind()).isEqualTo(TargetKind.MEDIUM_TERM);
		assertThat(next.onTrajectory()).isFalse();
		assertThat(next.status()).isEqualTo(Status.OFF_TARGET);
		Judgement after = StatusEngine.againstTarget(List.of(point("2031/32", 71)), null, targets, Polarity.HIGHER_IS_BETTER,
				Tolerance.percent(0));
		assertThat(after.target().kind()).isEqualTo(TargetKind.LONG_TERM);
	}

	@Test
	void beforeAnyValueTheFirstTargetIsStillShown() {
		StatusEngine.Judgement none = StatusEngine.againstTarget(List.of(), null,
				List.of(new Target(TargetKind.LONG_TERM, fy("2027/28"), 30), new Target(TargetKind.SHORT_TERM, fy("2025/26"), 25)),
				Polarity.HIGHER_IS_BETTER, Tolerance.percent(5));
		assertThat(none.status()).isEqualTo(Status.NO_DATA);
		assertThat(none.target().kind()).isEqualTo(TargetKind.SHORT_TERM);
		assertThat(StatusWording.againstTarget(none, new StatusWording.Format(Unit.PERCENTAGE, 1, null)))
			.isEqualTo("No data yet: a short-term target of 25.0% by 2025/26");
	}

	@Test
	void noDataNoTargetAndNoJudgementAreSaidAsSuch() {
		assertThat(StatusEngine.againstTarget(List.of(), null, List.of(), Polarity.HIGHER_IS_BETTER, Tolerance.percent(5)).status())
			.isEqualTo(Status.NO_DATA);
		assertThat(StatusEngine.againstTarget(series(1), null, List.of(), Polarity.HIGHER_IS_BETTER, Tolerance.percent(5)).status())
			.isEqualTo(Status.NO_TARGET);
		assertThat(StatusEngine.againstTarget(series(1), null, List.of(new Target(TargetKind.SHORT_TERM, fy("2015/16"), 1)),
				Polarity.NO_JUDGEMENT, Tolerance.percent(5)).status()).isEqualTo(Status.DATA_ONLY);
	}

	@Test
	void trendsHonourPolarityAndTheNoChangeBand() {
		Tolerance noChange = Tolerance.absolute(0.5);
		assertThat(StatusEngine.shortTerm(series(20.4, 22.1), Polarity.LOWER_IS_BETTER, noChange, null)).isEqualTo(Trend.WORSENING);
		assertThat(StatusEngine.shortTerm(series(20.4, 22.1), Polarity.HIGHER_IS_BETTER, noChange, null)).isEqualTo(Trend.IMPROVING);
		assertThat(StatusEngine.shortTerm(series(20.4, 20.8), Polarity.HIGHER_IS_BETTER, noChange, null)).isEqualTo(Trend.NO_CHANGE);
		assertThat(StatusEngine.shortTerm(series(20.4, 22.1), Polarity.NO_JUDGEMENT, noChange, null)).isEqualTo(Trend.NO_JUDGEMENT);
		assertThat(StatusEngine.shortTerm(series(90, 97), Polarity.CLOSEST_TO_TARGET, noChange, 95.0)).isEqualTo(Trend.IMPROVING);
		assertThat(StatusEngine.shortTerm(series(20.4), Polarity.LOWER_IS_BETTER, noChange, null)).isEqualTo(Trend.NOT_ENOUGH_DATA);
		// a gap in the series is not a previous period
		assertThat(StatusEngine.shortTerm(List.of(point("2015/16", 1), point("2017/18", 2)), Polarity.HIGHER_IS_BETTER, noChange, null))
			.isEqualTo(Trend.NOT_ENOUGH_DATA);
	}

	@Test
	void theLongTermTrendLooksFiveAndElseThreePeriodsBack() {
		Tolerance noChange = Tolerance.percent(1);
		// worse than last year but better than five years ago
		List<Point> six = series(30, 29, 27, 26, 24, 25);
		assertThat(StatusEngine.shortTerm(six, Polarity.LOWER_IS_BETTER, noChange, null)).isEqualTo(Trend.WORSENING);
		assertThat(StatusEngine.longTerm(six, Polarity.LOWER_IS_BETTER, noChange, null)).isEqualTo(Trend.IMPROVING);
		assertThat(StatusEngine.longTerm(series(20, 21, 22, 23), Polarity.LOWER_IS_BETTER, noChange, null)).isEqualTo(Trend.WORSENING);
		assertThat(StatusEngine.longTerm(series(20, 21), Polarity.LOWER_IS_BETTER, noChange, null)).isEqualTo(Trend.NOT_ENOUGH_DATA);
	}

	@Test
	void comparisonWithScotlandIsBetterSimilarOrWorse() {
		Tolerance similar = Tolerance.percent(5);
		assertThat(StatusEngine.compare(71, 77.0, Polarity.HIGHER_IS_BETTER, similar)).isEqualTo(Comparison.WORSE);
		assertThat(StatusEngine.compare(27, 18.0, Polarity.LOWER_IS_BETTER, similar)).isEqualTo(Comparison.WORSE);
		assertThat(StatusEngine.compare(76, 77.0, Polarity.HIGHER_IS_BETTER, similar)).isEqualTo(Comparison.SIMILAR);
		assertThat(StatusEngine.compare(16, 18.0, Polarity.LOWER_IS_BETTER, similar)).isEqualTo(Comparison.BETTER);
		assertThat(StatusEngine.compare(16, null, Polarity.LOWER_IS_BETTER, similar)).isEqualTo(Comparison.NO_DATA);
		assertThat(StatusEngine.compare(16, 18.0, Polarity.NO_JUDGEMENT, similar)).isEqualTo(Comparison.NO_JUDGEMENT);
	}

	@Test
	void aGapBetweenBreakdownsIsASeriesOfItsOwn() {
		List<Point> quintile5 = series(80.0, 81.0, 83.3);
		List<Point> quintile1 = List.of(point("2015/16", 68.0), point("2017/18", 69.0));
		assertThat(StatusEngine.gap(quintile5, quintile1)).containsExactly(point("2015/16", 12.0), new Point(fy("2017/18"), 83.3 - 69.0));
	}

	@Test
	void dataIsStaleWhenTheNextPeriodIsOverdue() {
		java.time.Period lag = java.time.Period.ofMonths(12);
		// 2021/22's successor ends March 2023 and should be out a year later
		assertThat(StatusEngine.stale(fy("2021/22"), LocalDate.of(2024, 3, 31), lag)).isFalse();
		assertThat(StatusEngine.stale(fy("2021/22"), LocalDate.of(2024, 4, 1), lag)).isTrue();
		Period month = Period.parse("2026-08", PeriodType.MONTH);
		assertThat(StatusEngine.stale(month, LocalDate.of(2026, 11, 23), java.time.Period.ofMonths(1))).isTrue();
	}

	@Test
	void aPastPeriodIsJudgedWithTheTargetsAndToleranceThenInForce() {
		List<Point> series = series(60, 62);
		List<Target> then = List.of(new Target(TargetKind.SHORT_TERM, fy("2016/17"), 63));
		Judgement judged = StatusEngine.againstTarget(series, null, then, Polarity.HIGHER_IS_BETTER, Tolerance.percent(5));
		// the same inputs always give the same judgement; a tolerance changed later is a different input
		assertThat(StatusEngine.againstTarget(series, null, then, Polarity.HIGHER_IS_BETTER, Tolerance.percent(5))).isEqualTo(judged);
		assertThat(judged.status()).isEqualTo(Status.WITHIN_TOLERANCE);
		assertThat(StatusEngine.againstTarget(series, null, then, Polarity.HIGHER_IS_BETTER, Tolerance.percent(0)).status())
			.isEqualTo(Status.OFF_TARGET);
	}


	@Test
	void aRollingAverageIsTakenOverRunsOfConsecutivePeriodsOnly() {
		List<Point> series = List.of(point("2018/19", 10), point("2019/20", 20), point("2020/21", 30), point("2022/23", 60),
				point("2023/24", 40), point("2024/25", 50));
		// 2021/22 is missing: no average ends in 2022/23 or 2023/24
		assertThat(StatusEngine.rolling(series, 3)).containsExactly(point("2020/21", 20), point("2024/25", 50));
		assertThat(StatusEngine.rolling(series, 2)).extracting(Point::value).containsExactly(15.0, 25.0, 50.0, 45.0);
	}

}
