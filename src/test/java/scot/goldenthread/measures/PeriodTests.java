package scot.goldenthread.measures;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2022/23    | financial-year | 2022-04-01 | 2023-03-31 | 2022/23
			2022-2023  | financial-year | 2022-04-01 | 2023-03-31 | 2022/23
			2022/2023  | financial-year | 2022-04-01 | 2023-03-31 | 2022/23
			1999/00    | financial-year | 1999-04-01 | 2000-03-31 | 1999/00
			2022/23    | academic-year  | 2022-08-01 | 2023-07-31 | 2022/23
			2022       | calendar-year  | 2022-01-01 | 2022-12-31 | 2022
			2022-Q3    | quarter        | 2022-07-01 | 2022-09-30 | 2022-Q3
			2022 q1    | quarter        | 2022-01-01 | 2022-03-31 | 2022-Q1
			Q3 2022/23 | quarter        | 2022-10-01 | 2022-12-31 | 2022-Q4
			Q4 2022/23 | quarter        | 2023-01-01 | 2023-03-31 | 2023-Q1
			2022-09    | month          | 2022-09-01 | 2022-09-30 | 2022-09
			""")
	void readsEveryFormTheSourcesUse(String text, String type, LocalDate start, LocalDate end, String code) {
		Period period = Period.parse(text, PeriodType.of(type).orElseThrow());
		assertThat(period.start()).isEqualTo(start);
		assertThat(period.end()).isEqualTo(end);
		assertThat(period.code()).isEqualTo(code);
		assertThat(Period.parse(period.code(), period.type())).isEqualTo(period);
	}

	/** "By 2026", as plans write a target, is the last period that ends in 2026. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			by 2026    | financial-year | 2025/26
			2026       | academic-year  | 2025/26
			By 2026    | calendar-year  | 2026
			2026       | quarter        | 2026-Q4
			2026       | month          | 2026-12
			2025/26    | financial-year | 2025/26
			by 2025/26 | academic-year  | 2025/26
			""")
	void aTargetsPeriodIsThePeriodOfItsTypeOrTheLastThatEndsInItsYear(String text, String type, String code) {
		assertThat(Period.target(text, PeriodType.of(type).orElseThrow()).code()).isEqualTo(code);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			2022       | financial-year | '2022' is not a financial year; write it as 2022/23
			2022/24    | financial-year | '2022/24' does not run into the next year
			2022-2021  | academic-year  | '2022-2021' does not run into the next year
			2022/23    | calendar-year  | '2022/23' is not a calendar year; write it as 2022
			2022-Q5    | quarter        | '2022-Q5' is not a quarter; write it as 2022-Q3, or Q3 2022/23 for a financial quarter
			2022-13    | month          | '2022-13' has no month 13
			2022-09    | calendar-year  | '2022-09' is not a calendar year; write it as 2022
			twenty22   | month          | 'twenty22' is not a month; write it as 2022-09
			""")
	void anImpossiblePeriodIsAnErrorNotAGuess(String text, String type, String reason) {
		assertThatIllegalArgumentException().isThrownBy(() -> Period.parse(text, PeriodType.of(type).orElseThrow()))
			.withMessage(reason);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2022/23 | financial-year | 2021/22 | 2023/24 | 2022/23
			2022-Q1 | quarter        | 2021-Q4 | 2022-Q2 | January to March 2022
			2022-12 | month          | 2022-11 | 2023-01 | December 2022
			""")
	void periodsFollowOneAnother(String code, String type, String previous, String next, String label) {
		Period period = Period.parse(code, PeriodType.of(type).orElseThrow());
		assertThat(period.previous()).hasToString(previous);
		assertThat(period.next()).hasToString(next);
		assertThat(period.label()).isEqualTo(label);
	}

	@org.junit.jupiter.api.Test
	void aTargetYearOutsideTheYearsAPlanCanSpeakOfIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Period.target("by 0026", PeriodType.FINANCIAL_YEAR))
			.withMessage("'0026' is outside the years 1900 to 2100");
	}


	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2020-23 | financial-year |          | 2022/23
			2010-14 | academic-year  |          | 2013/14
			2018-22 | calendar-year  |          | 2022
			2015    | financial-year | ending   | 2014/15
			2017    | academic-year  | starting | 2017/18
			2015    | calendar-year  | ending   | 2015
			2021/22 | financial-year | ending   | 2021/22
			2022-09 | month          |          | 2022-09
			2022-Q3 | quarter        | starting | 2022-Q3
			""")
	void aPublishersFileMayWriteASurveyOverSeveralYearsOrTheYearAPeriodStartsOrEnds(String text, String type, String plainYear, String code) {
		assertThat(Period.published(text, PeriodType.of(type).orElseThrow(), plainYear).code()).isEqualTo(code);
	}

}
