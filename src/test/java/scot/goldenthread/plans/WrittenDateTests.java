package scot.goldenthread.plans;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates as plans write them, each judged over its period. */
class WrittenDateTests {

	@Test
	void eachFormMeansItsWholePeriodAndKeepsItsWords() {
		assertThat(WrittenDate.parse("2026-03-31").date()).isEqualTo(new WrittenDate(null, LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31)));
		assertThat(WrittenDate.parse("by 2026-03-31").date()).isEqualTo(new WrittenDate("by 2026-03-31", LocalDate.of(2026, 3, 31),
				LocalDate.of(2026, 3, 31)));
		assertThat(WrittenDate.parse("March 2025").date()).isEqualTo(new WrittenDate("March 2025", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)));
		assertThat(WrittenDate.parse(" by  Feb 2024 ").date()).isEqualTo(new WrittenDate("by Feb 2024", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
		assertThat(WrittenDate.parse("2025/26").date()).isEqualTo(new WrittenDate("2025/26", LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31)));
		assertThat(WrittenDate.parse("AY 2025/26").date()).isEqualTo(new WrittenDate("AY 2025/26", LocalDate.of(2025, 8, 1), LocalDate.of(2026, 7, 31)));
		assertThat(WrittenDate.parse("1999/00").date().last()).isEqualTo(LocalDate.of(2000, 3, 31));
		assertThat(WrittenDate.parse("by 2026").date()).isEqualTo(new WrittenDate("by 2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
		assertThat(WrittenDate.parse("2021").date()).isEqualTo(new WrittenDate("2021", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)));
	}

	@Test
	void wordsThatAreNoDateSaySoAndHowToWriteOne() {
		assertThat(WrittenDate.parse("soon").problem()).isEqualTo("'soon' is not a date; " + WrittenDate.FORMS);
		assertThat(WrittenDate.parse("Smarch 2025").problem()).startsWith("'Smarch 2025' is not a date");
		assertThat(WrittenDate.parse("2026-02-30").problem()).startsWith("'2026-02-30' is not a date");
		assertThat(WrittenDate.parse("2025/27").problem())
			.isEqualTo("'2025/27' is not one year to the next; a financial or academic year is written like 2025/26");
	}

}
