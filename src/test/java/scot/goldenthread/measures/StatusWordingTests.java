package scot.goldenthread.measures;

import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.measures.StatusEngine.Baseline;
import scot.goldenthread.measures.StatusEngine.Point;
import scot.goldenthread.measures.StatusEngine.Target;
import scot.goldenthread.measures.StatusEngine.TargetKind;
import scot.goldenthread.measures.StatusWording.Format;

import static org.assertj.core.api.Assertions.assertThat;

class StatusWordingTests {

	static final Format PERCENT = new Format(Unit.PERCENTAGE, 1, null);

	static Point point(String period, double value) {
		return new Point(Period.parse(period, PeriodType.FINANCIAL_YEAR), value);
	}

	@Test
	void theTrendSaysWhy() {
		List<Point> series = List.of(point("2021/22", 20.4), point("2022/23", 22.1));
		assertThat(StatusWording.shortTerm(series, StatusEngine.shortTerm(series, Polarity.LOWER_IS_BETTER, Tolerance.absolute(0.1), null), PERCENT))
			.isEqualTo("Getting worse compared with last year: 22.1% against 20.4%");
		assertThat(StatusWording.shortTerm(series.subList(0, 1), StatusEngine.Trend.NOT_ENOUGH_DATA, PERCENT))
			.isEqualTo("Not enough data to show a trend");
	}

	@Test
	void theStatusNamesItsTargetOrTrajectory() {
		Target target = new Target(TargetKind.LONG_TERM, Period.parse("2030/31", PeriodType.FINANCIAL_YEAR), 10);
		StatusEngine.Judgement judgement = StatusEngine.againstTarget(List.of(point("2021/22", 19.2)),
				new Baseline(Period.parse("2020/21", PeriodType.FINANCIAL_YEAR), 20), List.of(target), Polarity.LOWER_IS_BETTER,
				Tolerance.percent(5));
		assertThat(StatusWording.againstTarget(judgement, PERCENT))
			.isEqualTo("Within tolerance: 19.2% in 2021/22 against a trajectory of 19.0% towards a long-term target of 10.0% by 2030/31");
	}

	@Test
	void theAttainmentGapOfSeed002IsSaidByTheSystem() {
		// seed 002, PPL 22 05: "Numeracy Attainment Gap (P1,4,7) has widened to 14.3pp. Stretch aim is 11pp."
		List<Point> quintile5 = List.of(point("2020/21", 80.0), point("2021/22", 82.0));
		List<Point> quintile1 = List.of(point("2020/21", 68.5), point("2021/22", 67.7));
		Target stretch = new Target(TargetKind.STRETCH_AIM, Period.parse("2022/23", PeriodType.FINANCIAL_YEAR), 11);
		assertThat(StatusWording.gap("numeracy attainment gap", StatusEngine.gap(quintile5, quintile1), stretch,
				new Format(Unit.PERCENTAGE_POINTS, 1, null)))
			.isEqualTo("The numeracy attainment gap has widened to 14.3 percentage points against a stretch aim of 11.0 percentage points.");
	}

	@Test
	void unitsAreWrittenAsPeopleReadThem() {
		assertThat(Unit.RATE.format(5.234, 1, 1000)).isEqualTo("5.2 per 1,000");
		assertThat(Unit.MONEY.format(-87, 0, null)).isEqualTo("-£87");
		assertThat(Unit.COUNT.format(51800, 0, null)).isEqualTo("51,800");
		assertThat(Unit.YEARS.format(76.6, 1, null)).isEqualTo("76.6 years");
	}

}
