package scot.goldenthread.measures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import scot.goldenthread.measures.ObservationImporter.RowProblem;
import scot.goldenthread.measures.ObservationImporter.SourceRow;

import static org.assertj.core.api.Assertions.assertThat;

/** The row check alone: cells or typed values in, a value to store or its problems out, with no database. */
class ObservationRowsTests {

	static final Measure SHARE = new Measure(7, "TEST-01", "A share", null, Measure.Kind.POPULATION_INDICATOR, Unit.PERCENTAGE, null, 1,
			Polarity.HIGHER_IS_BETTER, PeriodType.FINANCIAL_YEAR, "A source", null, List.of("Sex"), List.of("council-area"), "S12000005",
			null, null, true, null, null);

	/** Published for any place, broken down by age. */
	static final Measure ANYWHERE = new Measure(8, "TEST-02", "A share by age", null, Measure.Kind.POPULATION_INDICATOR, Unit.PERCENTAGE,
			null, 1, Polarity.HIGHER_IS_BETTER, PeriodType.FINANCIAL_YEAR, "A source", null, List.of("Age"), List.of(), null, null, null, true, null, null);

	static final ObservationRows ROWS = new ObservationRows(Map.of("TEST-01", SHARE),
			new PlaceNames(Map.of("S12000005", "Clackmannanshire", "S92000003", "Scotland", "FG-1", "Family group 1"),
					Map.of("S12000005", "council-area", "S92000003", "country", "FG-1", Geographies.FAMILY_GROUP), Map.of()));

	static final ObservationRows.Header OURS = new ObservationRows.Header(ColumnMapping.goldenThread(null),
			Map.of("measure", 0, "period", 1, "geography", 2, "value", 3, "Sex", 4, "note", 5), List.of("Sex"), null);

	@Test
	void aGoodRowIsReadIntoAValueToStore() {
		ObservationRows.Outcome outcome = ROWS.row(OURS, new SourceRow(2, List.of("TEST-01", "2022/23", "S12000005", "12.5", "Female",
				"'=a note"))).get(0);
		assertThat(outcome.problems()).isEmpty();
		assertThat(outcome.checked()).isEqualTo(new ObservationRows.Checked(2, SHARE, Period.parse("2022/23", PeriodType.FINANCIAL_YEAR),
				"S12000005", "Sex=Female", new BigDecimal("12.5"), null, "=a note"));
	}

	@Test
	void aBadRowNamesEachProblemLeftToRight() {
		ObservationRows.Outcome outcome = ROWS.row(OURS, new SourceRow(3, List.of("TEST-01", "2022", "S92000003", "-4", "All", ""))).get(0);
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
		ObservationRows.Header sgs = new ObservationRows.Header(ColumnMapping.statisticsGovScot("TEST-01", "Ratio"),
				Map.of("FeatureCode", 0, "DateCode", 1, "Measurement", 2, "Units", 3, "Value", 4), List.of(), SHARE);
		assertThat(ROWS.row(sgs, new SourceRow(2, List.of("S12000005", "2022/23", "Count", "People", "5"))).get(0).skipped()).isTrue();
		assertThat(ROWS.row(sgs, new SourceRow(3, List.of("S12000005", "2022/23", "Ratio", "People", "5"))).get(0).checked()).isNotNull();
	}

	@Test
	void aRowGivesAValueForEachPlaceItNamesWorkedOutFromItsNumeratorAndDenominatorWhereItHasNoValue() {
		ColumnMapping mapping = new ColumnMapping(null, "TEST-01", "year", ColumnMapping.ENDING, List.of(
				new ColumnMapping.Values("council", null, false, null, "count", "children", null, null),
				new ColumnMapping.Values(null, "S92000003", false, "scotland", null, null, null, null)), List.of(), List.of(), null, null, null,
				null, false, null);
		ObservationRows.Header header = new ObservationRows.Header(mapping, Map.of("council", 0, "year", 1, "count", 2, "children", 3,
				"scotland", 4), List.of(), ANYWHERE);
		List<ObservationRows.Outcome> outcomes = ROWS.row(header, new SourceRow(2, List.of("Clackmannanshire", "2017", "2102", "9605", "21.5")));
		// DWP's 2017 is the financial year ending in it
		assertThat(outcomes).extracting((o) -> o.checked().period().code(), (o) -> o.checked().geography(), (o) -> o.checked().value())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("2016/17", "S12000005", new BigDecimal("21.884435")),
					org.assertj.core.groups.Tuple.tuple("2016/17", "S92000003", new BigDecimal("21.5")));
		assertThat(outcomes.get(0).checked().numerator()).isEqualByComparingTo("2102");
		// a place with nothing in its cells has no value published: the row gives the others
		assertThat(ROWS.row(header, new SourceRow(3, List.of("Clackmannanshire", "2018", "2335", "9535", "")))).hasSize(1);
	}

	@Test
	void aNumeratorLargerThanItsDenominatorIsNoPercentageAndTextIsNoValue() {
		ColumnMapping mapping = new ColumnMapping(null, "TEST-01", "year", null, List.of(
				new ColumnMapping.Values("council", null, false, "rate", "count", "children", null, null)), List.of(), List.of(), null, null,
				null, null, false, null);
		ObservationRows.Header header = new ObservationRows.Header(mapping, Map.of("council", 0, "year", 1, "rate", 2, "count", 3,
				"children", 4), List.of(), SHARE);
		assertThat(ROWS.row(header, new SourceRow(2, List.of("Clackmannanshire", "2022/23", "high", "120", "100"))).get(0).problems())
			.containsExactly(new RowProblem(2, "rate", "'high' is not a number"),
					new RowProblem(2, "count", "the numerator 120 is larger than the denominator 100: a percentage cannot be more than 100%"));
	}

	@Test
	void columnsOneAPerAgeBandTurnLongIntoABreakdownAndPercentagesGivenAsFractionsArePercentages() {
		ColumnMapping mapping = new ColumnMapping(null, "TEST-01", "Year", null, List.of(ColumnMapping.Values.of("CA", null)), List.of(),
				List.of(), new ColumnMapping.Wide(List.of("Age0", "Age90plus"), "Age"), null, null, new ColumnMapping.Keep("CA", "S12*"), true, null);
		ObservationRows.Header header = new ObservationRows.Header(mapping, Map.of("CA", 0, "Year", 1, "Age0", 2, "Age90plus", 3), List.of(),
				ANYWHERE);
		assertThat(ROWS.row(new ObservationRows.Header(mapping, header.index(), List.of(), SHARE), new SourceRow(2,
				List.of("S12000005", "2022/23", "0.283", "0.1"))).get(0).problems())
			.containsExactly(new RowProblem(2, "Age0", "measure TEST-01 is not broken down by Age"));
		assertThat(ROWS.row(header, new SourceRow(2, List.of("S12000005", "2022/23", "0.283", "0.1"))))
			.extracting((o) -> o.checked().breakdown(), (o) -> o.checked().value())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Age=0", new BigDecimal("28.3")),
					org.assertj.core.groups.Tuple.tuple("Age=90plus", new BigDecimal("10")));
		assertThat(ROWS.row(header, new SourceRow(3, List.of("S92000003", "2022/23", "1", "1"))).get(0).skipped()).isTrue();
		// with a breakdown column beside them, the breakdowns are in name order
		ObservationRows.Header bySex = new ObservationRows.Header(new ColumnMapping(null, "TEST-02", "Year", null,
				List.of(ColumnMapping.Values.of("CA", null)), List.of("Sex"), List.of(), new ColumnMapping.Wide(List.of("Age0"), "Age"), null, null,
				null, false, null), Map.of("CA", 0, "Year", 1, "Sex", 2, "Age0", 3), List.of("Sex"), new Measure(9, "TEST-02", "By age and sex", null,
				Measure.Kind.POPULATION_INDICATOR, Unit.COUNT, null, 0, Polarity.NO_JUDGEMENT, PeriodType.FINANCIAL_YEAR, null, null, List.of(),
				List.of(), null, null, null, true, null, null));
		assertThat(ROWS.row(bySex, new SourceRow(4, List.of("S12000005", "2022/23", "Female", "12"))).get(0).checked().breakdown())
			.isEqualTo("Age=0;Sex=Female");
	}

	@Test
	void aFileWithNoPeriodColumnGivesOnePeriodAndABinaryFractionWrittenOutInFullIsTheNumberItStandsFor() {
		// SIMD's indicators: no period column, and fractions as R writes them (0.85206999999999988 for 0.85207)
		ColumnMapping mapping = new ColumnMapping(null, "TEST-01", null, null, List.of(ColumnMapping.Values.of("dz11_code", "Attendance")),
				List.of(), List.of(), null, null, null, null, true, "2022/23");
		assertThat(mapping.problems()).isEmpty();
		ObservationRows.Header header = new ObservationRows.Header(mapping, Map.of("dz11_code", 0, "Attendance", 1), List.of(), ANYWHERE);
		assertThat(ROWS.row(header, new SourceRow(2, List.of("S12000005", "0.85206999999999988"))))
			.extracting((o) -> o.checked().period().label(), (o) -> o.checked().value())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("2022/23", new BigDecimal("85.207")));
		// more digits than any binary fraction has is no real value
		assertThat(ROWS.row(header, new SourceRow(3, List.of("S12000005", "0.852069999999999880001"))).get(0).problems())
			.extracting(RowProblem::reason).containsExactly("has more than 10 decimal places");
		assertThat(new ColumnMapping(null, "TEST-01", null, null, List.of(ColumnMapping.Values.of("dz11_code", "Attendance")), List.of(),
				List.of(), null, null, null, null, true, null).problems())
			.containsExactly("Say which column holds the period, which columns are periods, or the one period of every row");
	}

	@Test
	void aPlaceByANameThatMatchesNothingSuggestsTheNearest() {
		ColumnMapping mapping = new ColumnMapping(null, "TEST-01", "year", null, List.of(ColumnMapping.Values.of("council", "rate")), List.of(),
				List.of(), null, null, null, null, false, null);
		ObservationRows.Header header = new ObservationRows.Header(mapping, Map.of("council", 0, "year", 1, "rate", 2), List.of(), SHARE);
		assertThat(ROWS.row(header, new SourceRow(2, List.of("Clackmanannshire", "2022/23", "5"))).get(0).problems().get(0).reason())
			.contains("Clackmannanshire");
	}

}
