package scot.goldenthread.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellsTests {

	@Test
	void textASpreadsheetWouldRunIsKeptAsTextAndReadBackAsItWas() {
		for (String formula : new String[] { "=HYPERLINK(\"http://evil\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx" }) {
			assertThat(SpreadsheetCells.formulaLike(formula)).isTrue();
			assertThat(SpreadsheetCells.csv(formula)).isEqualTo("'" + formula);
			assertThat(SpreadsheetCells.read(SpreadsheetCells.csv(formula))).isEqualTo(formula);
		}
		for (String plain : new String[] { "-3.2", "+5", "1e-3", "Nurture groups", "'quoted'", "", "a=b" }) {
			assertThat(SpreadsheetCells.csv(plain)).isEqualTo(plain);
			assertThat(SpreadsheetCells.read(plain)).isEqualTo(plain);
		}
	}

}
