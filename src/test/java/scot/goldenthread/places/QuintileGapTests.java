package scot.goldenthread.places;

import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.Period;
import scot.goldenthread.measures.PeriodType;
import scot.goldenthread.measures.Polarity;
import scot.goldenthread.measures.Unit;

import static org.assertj.core.api.Assertions.assertThat;

/** The gap between the most and least deprived fifth of a place, as a series of its own, in plain words. */
class QuintileGapTests {

	static final Measure RATE = new Measure(1, "TEST-RATE", "Income deprivation", null, Measure.Kind.POPULATION_INDICATOR, Unit.PERCENTAGE,
			null, 1, Polarity.LOWER_IS_BETTER, PeriodType.CALENDAR_YEAR, null, null, List.of(), List.of("data-zone"), null, null, null, true, null, null);

	static Period year(int year) {
		return Period.parse(String.valueOf(year), PeriodType.CALENDAR_YEAR);
	}

	@Test
	void aGapOverSeveralPeriodsSaysWhetherItHasNarrowedOrWidenedAndFromWhat() {
		QuintileGap narrowing = new QuintileGap(RATE, "Alloa", List.of(new QuintileGap.Point(year(2017), 24.0, 12.0),
				new QuintileGap.Point(year(2020), 19.5, 10.0)));
		assertThat(narrowing.wording()).isEqualTo("The gap between the most and least deprived fifth of Alloa has narrowed from 12.0 percentage points"
				+ " to 9.5 percentage points since 2017 (19.5% in the most deprived, 10.0% in the least).");
		QuintileGap widening = new QuintileGap(RATE, "Alloa", List.of(new QuintileGap.Point(year(2017), 20.0, 12.0),
				new QuintileGap.Point(year(2020), 25.0, 10.0)));
		assertThat(widening.wording()).contains("has widened from 8.0 percentage points to 15.0 percentage points since 2017");
		QuintileGap same = new QuintileGap(RATE, "Alloa", List.of(new QuintileGap.Point(year(2017), 20.0, 12.0),
				new QuintileGap.Point(year(2020), 18.0, 10.0)));
		assertThat(same.wording()).contains("has not changed from 8.0 percentage points since 2017");
		assertThat(new QuintileGap(RATE, "Dollar", List.of()).wording()).contains("is not known");
	}

	@Test
	void theFirstPlaceOfARankingIsShadedDarkestAndTheLastLightestHoweverFewThereAre() {
		assertThat(PlaceMap.fifth(1, 2)).isEqualTo(1);
		assertThat(PlaceMap.fifth(2, 2)).isEqualTo(5);
		assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).stream().map((r) -> PlaceMap.fifth(r, 12)).toList())
			.containsExactly(1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5);
		assertThat(PlaceMap.fifth(1, 1)).isEqualTo(1);
	}

}
