package scot.goldenthread.measures;

import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.measures.StatusEngine.Point;
import scot.goldenthread.measures.StatusEngine.Target;
import scot.goldenthread.measures.StatusEngine.TargetKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Where the present rate leads, worked out by hand: pure functions, as the status engine's. */
class ForecastTests {

	static final StatusWording.Format PP = new StatusWording.Format(Unit.PERCENTAGE_POINTS, 1, null);

	static Point point(String period, double value) {
		return new Point(Period.parse(period, PeriodType.ACADEMIC_YEAR), value);
	}

	static Target aim(String period, double value) {
		return new Target(TargetKind.STRETCH_AIM, Period.parse(period, PeriodType.ACADEMIC_YEAR), value);
	}

	/** A gap narrowing by 0.5pp a year: 14.0, 13.5, 13.0 in 2020/21 to 2022/23. */
	static final List<Point> NARROWING = List.of(point("2020/21", 14.0), point("2021/22", 13.5), point("2022/23", 13.0));

	@Test
	void theLineThroughTheLatestValuesIsCarriedOnToEachTargetAhead() {
		List<Forecast.Projection> projections = Forecast.towards(NARROWING,
				List.of(aim("2021/22", 12), aim("2025/26", 11.5), aim("2025/26", 11)), Polarity.LOWER_IS_BETTER);
		// the target already passed is not forecast; three years on from 13.0 at -0.5 a year is 11.5
		assertThat(projections).hasSize(2);
		assertThat(projections.get(0).value()).isCloseTo(11.5, within(0.01));
		assertThat(projections.get(0).onCourse()).isTrue();
		assertThat(projections.get(1).onCourse()).isFalse();
		assertThat(projections).allSatisfy((p) -> assertThat(p.values()).isEqualTo(3));
		assertThat(StatusWording.forecast(projections.get(0), PP))
			.isEqualTo("On course for a stretch aim of 11.5 percentage points by 2025/26 at the present rate (the trend of the last 3 values)");
		assertThat(StatusWording.forecast(projections.get(1), PP))
			.isEqualTo("At the present rate it would be 11.5 percentage points by 2025/26, not the stretch aim of 11.0 percentage points (the trend of the last 3 values)");
	}

	@Test
	void onlyTheLatestFiveValuesSetThePresentRate() {
		// widening for years, then narrowing 1pp a year for the last five
		List<Point> series = List.of(point("2014/15", 5), point("2015/16", 9), point("2016/17", 20), point("2017/18", 19),
				point("2018/19", 18), point("2019/20", 17), point("2020/21", 16));
		Forecast.Projection projection = Forecast.towards(series, List.of(aim("2023/24", 13)), Polarity.LOWER_IS_BETTER).get(0);
		assertThat(projection.values()).isEqualTo(5);
		assertThat(projection.value()).isCloseTo(13.0, within(0.01));
		assertThat(projection.onCourse()).isTrue();
	}

	@Test
	void higherIsBetterMeetsFromBelowAndClosestToTargetMustComeNearer() {
		List<Point> rising = List.of(point("2020/21", 70), point("2021/22", 72), point("2022/23", 74));
		assertThat(Forecast.towards(rising, List.of(aim("2024/25", 78)), Polarity.HIGHER_IS_BETTER).get(0).onCourse()).isTrue();
		assertThat(Forecast.towards(rising, List.of(aim("2024/25", 79)), Polarity.HIGHER_IS_BETTER).get(0).onCourse()).isFalse();
		// rising past a target of 75 carries it further away
		assertThat(Forecast.towards(rising, List.of(aim("2024/25", 75)), Polarity.CLOSEST_TO_TARGET).get(0).onCourse()).isFalse();
		assertThat(Forecast.towards(rising, List.of(aim("2024/25", 77)), Polarity.CLOSEST_TO_TARGET).get(0).onCourse()).isTrue();
	}

	@Test
	void tooFewValuesOrNoJudgementGiveNoForecast() {
		assertThat(Forecast.towards(NARROWING.subList(1, 3), List.of(aim("2025/26", 11)), Polarity.LOWER_IS_BETTER)).isEmpty();
		assertThat(Forecast.towards(NARROWING, List.of(aim("2025/26", 11)), Polarity.NO_JUDGEMENT)).isEmpty();
		assertThat(Forecast.towards(NARROWING, List.of(), Polarity.LOWER_IS_BETTER)).isEmpty();
	}

}
