package scot.goldenthread.measures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import scot.goldenthread.measures.ObservationImporter.Layout;
import scot.goldenthread.measures.ObservationImporter.RowProblem;
import scot.goldenthread.measures.ObservationImporter.SourceRow;

import static org.assertj.core.api.Assertions.assertThat;

/** The row check alone: cells or typed values in, a value to store or its problems out, with no database. */
class ObservationRowsTests {

	static final Measure SHARE = new Measure(7, "TEST-01", "A share", null, Measure.Kind.POPULATION_INDICATOR, Unit.PERCENTAGE, null, 1,
			Polarity.HIGHER_IS_BETTER, PeriodType.FINANCIAL_YEAR, "A source", null, List.of("Sex"), List.of("council-area"), "S12000005",
			null, null, true);

	static final ObservationRows ROWS = new ObservationRows(Map.of("TEST-01", SHARE),
			new PlaceNames(Map.of("S12000005", "Clackmannanshire", "S92000003", "Scotland", "FG-1", "Family group 1"),
					Map.of("S12000005", "council-area", "S92000003", "country", "FG-1", Geographies.FAMILY_GROUP), Map.of()));

	static final ObservationRows.Header OURS = new ObservationRows.Header(Layout.GOLDEN_THREAD,
			Map.of("measure", 0, "period", 1, "geography", 2, "value", 3, "Sex", 4, "note", 5), new TreeMap<>(Map.of("Sex", 4)), null);

	@Test
	void aGoodRowIsReadIntoAValueToStore() {
		ObservationRows.Outcome outcome = ROWS.row(OURS, new SourceRow(2, List.of("TEST-01", "2022/23", "S12000005", "12.5", "Female",
				"'=a note")), null);
		assertThat(outcome.problems()).isEmpty();
		assertThat(outcome.checked()).isEqualTo(new ObservationRows.Checked(2, SHARE, Period.parse("2022/23", PeriodType.FINANCIAL_YEAR),
				"S12000005", "Sex=Female", new BigDecimal("12.5"), null, "=a note"));
	}

	@Test
	void aBadRowNamesEachProblemLeftToRight() {
		ObservationRows.Outcome outcome = ROWS.row(OURS, new SourceRow(3, List.of("TEST-01", "2022", "S92000003", "-4", "All", "")), null);
		assertThat(outcome.checked()).isNull();
		assertThat(outcome.problems()).extracting(RowProblem::column).containsExactly("period", "geography", "value");
		assertThat(outcome.problems().get(1).reason()).isEqualTo("'S92000003' is a country, and TEST-01 is published for council-area only");
	}

	@Test
	void aTypedValueIsCheckedAsARowIs() {
		Period period = Period.parse("2023/24", PeriodType.FINANCIAL_YEAR);
		assertThat(ROWS.value(1, SHARE, period, "S12000005", new BigDecimal("28.3"), "final", "From the update").checked().breakdown())
			.isEmpty();
		assertThat(ROWS.value(1, SHARE, period, "FG-1", new BigDecimal("-1"), "guessed", null).problems())
			.extracting(RowProblem::column).containsExactly("geography", "value", "status");
	}

	@Test
	void aStatisticsGovScotRowOfAnotherMeasurementIsSkipped() {
		ObservationRows.Header sgs = new ObservationRows.Header(Layout.STATISTICS_GOV_SCOT,
				Map.of("FeatureCode", 0, "DateCode", 1, "Measurement", 2, "Units", 3, "Value", 4), new TreeMap<>(), SHARE);
		assertThat(ROWS.row(sgs, new SourceRow(2, List.of("S12000005", "2022/23", "Count", "People", "5")), "Ratio").skipped()).isTrue();
		assertThat(ROWS.row(sgs, new SourceRow(3, List.of("S12000005", "2022/23", "Ratio", "People", "5")), "Ratio").checked()).isNotNull();
	}

}
