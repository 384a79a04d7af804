package scot.goldenthread.measures;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Targets as plans write them relative to the baseline or Scotland, worked out into the figure they mean: no database. */
class RelativeTargetTests {

	static final StatusWording.Format PERCENT = new StatusWording.Format(Unit.PERCENTAGE, 1, null);

	static final Period BASELINE = Period.parse("2016", PeriodType.CALENDAR_YEAR);

	static final Period SCOTLAND = Period.parse("2022", PeriodType.CALENDAR_YEAR);

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			a 10% increase on the baseline  | 39.6 | 10% more than the 2016 baseline of 36.0%
			10% more than the baseline      | 39.6 | 10% more than the 2016 baseline of 36.0%
			25% fewer                       | 27.0 | 25% fewer than the 2016 baseline of 36.0%
			a 25% reduction on the baseline | 27.0 | 25% fewer than the 2016 baseline of 36.0%
			At or better than Scotland      | 30.0 | at or better than Scotland's 2022 value of 30.0%
			close the gap by half           | 33.0 | the gap between the 2016 baseline of 36.0% and Scotland's 2022 value of 30.0% closed by half
			close the gap to Scotland by 25% | 34.5 | the gap between the 2016 baseline of 36.0% and Scotland's 2022 value of 30.0% closed by a quarter
			""")
	void aRelativeTargetIsWorkedOutIntoItsFigureAndSaysHow(String words, String figure, String basis) {
		RelativeTarget.Worked worked = RelativeTarget.parse(words).work(new BigDecimal("36"), BASELINE, new BigDecimal("30"), SCOTLAND, PERCENT);
		assertThat(worked.value()).isEqualByComparingTo(figure);
		assertThat(worked.basis()).isEqualTo(basis);
	}

	@Test
	void wordsItCannotWorkOutAreAnErrorThatSaysWhatItCan() {
		assertThatIllegalArgumentException().isThrownBy(() -> RelativeTarget.parse("much better"))
			.withMessageStartingWith("'much better' is not a target this service can work out: write it as \"10% more than the baseline\"");
		assertThat(RelativeTarget.parse("at or better than Scotland").needsBaseline()).isFalse();
		assertThat(RelativeTarget.parse("25% fewer").needsScotland()).isFalse();
	}

}
