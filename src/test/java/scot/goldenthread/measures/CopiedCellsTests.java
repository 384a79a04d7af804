package scot.goldenthread.measures;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import scot.goldenthread.shared.SpreadsheetCells;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What PostgreSQL writes into the open-data values file (V27) is what the application writes everywhere else. */
@SpringBootTest
class CopiedCellsTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void periodCodesAreThoseOfPeriod() {
		int checked = 0;
		for (PeriodType type : PeriodType.values()) {
			for (int year : List.of(1999, 2009, 2022)) {
				for (int month = 1; month <= 12; month++) {
					LocalDate start = LocalDate.of(year, month, 1);
					if (type.months() == 12 ? month != type.firstMonth().getValue() : (month - 1) % type.months() != 0) {
						continue;
					}
					assertThat(this.jdbc.sql("select period_code(?, ?)").params(type.code(), start).query(String.class).single())
						.as(type + " " + start).isEqualTo(new Period(type, start).code());
					checked++;
				}
			}
		}
		assertThat(checked).as("three years of every type: one each of the years, four quarters, twelve months").isEqualTo(3 * (3 + 4 + 12));
	}

	@Test
	void textCellsAreKeptFromFormulasAsSpreadsheetCellsKeepsThem() {
		for (String cell : List.of("=1+2", "+44 1786 233000", "-5", "-5.2e3", "+7", "@SUM(A1)", "\tx", "\rx", "plain", "", "'quoted", "- a bullet",
				"=HYPERLINK(\"http://evil\",\"x\")")) {
			assertThat(this.jdbc.sql("select csv_cell(?)").param(cell).query(String.class).single()).as(cell).isEqualTo(SpreadsheetCells.csv(cell));
		}
	}

	@Test
	void aBreakdownGivesEachDimensionsValue() {
		assertThat(this.jdbc.sql("select breakdown_value('Age=16-24;Sex=Female', 'Sex') || '|' || breakdown_value('Age=16-24;Sex=Female', 'Age')"
				+ " || '|' || breakdown_value('', 'Age') || '|' || breakdown_value('Ratio=a=b', 'Ratio')").query(String.class).single())
			.isEqualTo("Female|16-24||a=b");
	}

}
