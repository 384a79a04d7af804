package scot.goldenthread.measures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import scot.goldenthread.measures.ObservationImporter.RowProblem;
import scot.goldenthread.measures.ObservationImporter.SourceRow;
import scot.goldenthread.shared.SpreadsheetCells;
import scot.goldenthread.shared.TextLimits;

/**
 * The check every observation passes before it is stored, as a pure rule: a file's row is read from its
 * cells and checked column by column, and a value given typed (a lead's approved one) is checked the same
 * way, against the measures and places known when the import began. No database and no I/O: the importer
 * stages what passes and reports the rest.
 */
final class ObservationRows {

	/** Breakdown values that mean the whole population rather than a part of it. */
	private static final Set<String> TOTALS = Set.of("", "all", "total");

	private static final Set<String> STATUSES = Set.of("provisional", "final", "revised");

	private final Map<String, Measure> measuresByCode;

	/** Places by code, name or old code, with their levels. */
	private final PlaceNames places;

	ObservationRows(Map<String, Measure> measuresByCode, PlaceNames places) {
		this.measuresByCode = measuresByCode;
		this.places = places;
	}

	/** A value ready to store; {@code status} null leaves a stored value's own; the rest may be null where not given. */
	record Checked(long line, Measure measure, Period period, String geography, String breakdown, BigDecimal value, String status,
			String note, String valueColumn, BigDecimal numerator, BigDecimal denominator, BigDecimal lower, BigDecimal upper) {

		Checked(long line, Measure measure, Period period, String geography, String breakdown, BigDecimal value, String status,
				String note) {
			this(line, measure, period, geography, breakdown, value, status, note, "value", null, null, null, null);
		}

	}

	/** What a row's value came to: a value to store, the problems that keep it out, or neither (skipped). */
	record Outcome(Checked checked, List<RowProblem> problems) {

		static final Outcome SKIPPED = new Outcome(null, List.of());

		static Outcome of(Checked checked) {
			return new Outcome(checked, List.of());
		}

		boolean skipped() {
			return this.checked == null && this.problems.isEmpty();
		}

	}

	/** A file's columns, as its first row names them, read through a mapping, and the one measure the file holds, if one. */
	record Header(ColumnMapping mapping, Map<String, Integer> index, List<String> breakdowns, Measure measure, List<String> required) {

		/** The columns the mapping reads are worked out once, not for each of a million rows. */
		Header(ColumnMapping mapping, Map<String, Integer> index, List<String> breakdowns, Measure measure) {
			this(mapping, index, breakdowns, measure, mapping.required());
		}

		String field(SourceRow row, String column) {
			Integer i = (column != null) ? this.index.get(column) : null;
			// a cell this product wrote with an apostrophe before it, so that no spreadsheet runs it, is read as it was
			return (i != null && i < row.fields().size())
					? SpreadsheetCells.read(Objects.requireNonNullElse(row.fields().get(i), "").strip()) : "";
		}

	}

	/**
	 * A file's row, read through its mapping into one value for each place it gives (and each column turned long),
	 * each checked column by column; a row the mapping leaves out, or with nothing in its mapped cells, is skipped.
	 */
	List<Outcome> row(Header header, SourceRow record) {
		ColumnMapping mapping = header.mapping();
		long line = record.line();
		if (mapping.keep() != null && !mapping.keep().keeps(header.field(record, mapping.keep().column()))) {
			return List.of(Outcome.SKIPPED);
		}
		if (header.required().stream().allMatch((column) -> header.field(record, column).isEmpty())) {
			return List.of(Outcome.SKIPPED);
		}
		List<RowProblem> problems = new ArrayList<>();
		// checked in the order of the columns, so that problems read left to right
		Measure measure = mapping.measurePerRow() ? measure(header.field(record, mapping.measureColumn()), mapping.measureColumn(), line, problems)
				: header.measure();
		if (mapping.measurePerRow() && measure != null && header.measure() != null && measure.id() != header.measure().id()) {
			problems.add(new RowProblem(line, mapping.measureColumn(), "is not " + header.measure().code() + ", the measure this file is loaded for"));
			measure = null;
		}
		Period period = (measure == null) ? null
				: (mapping.periodColumn() != null) ? period(header.field(record, mapping.periodColumn()), mapping.periodColumn(), mapping, measure, line, problems)
				: (mapping.period() != null) ? period(mapping.period(), "period", mapping, measure, line, problems) : null;
		String status = emptyToNull(header.field(record, mapping.statusColumn()).toLowerCase(Locale.ROOT));
		status(status, line, problems);
		String breakdown = breakdown(header, record, measure, line, problems);
		header.index().forEach((column, i) -> TextLimits.problem(header.field(record, column),
				column.equals(mapping.noteColumn()) ? TextLimits.NOTE : TextLimits.NAME)
			.ifPresent((reason) -> problems.add(new RowProblem(line, column, reason))));
		if (measure == null) {
			return List.of(new Outcome(null, problems));
		}
		if (mapping.wide() != null && !mapping.wide().periods() && !measure.dimensions().isEmpty()
				&& !measure.dimensions().contains(mapping.wide().into())) {
			problems.add(new RowProblem(line, mapping.wide().columns().get(0), "measure " + measure.code() + " is not broken down by "
					+ mapping.wide().into()));
		}
		String note = emptyToNull(header.field(record, mapping.noteColumn()));
		List<Outcome> outcomes = new ArrayList<>();
		for (ColumnMapping.Values given : mapping.values()) {
			// of a row's several places, one with no value and nothing to work it out from has none published: absent, not wrong
			if (mapping.values().size() > 1 && blank(header, record, given.value())
					&& (blank(header, record, given.numerator()) || blank(header, record, given.denominator()))) {
				continue;
			}
			if (mapping.wide() == null) {
				outcomes.add(value(header, record, measure, period, breakdown, given, given.value(), status, note));
				continue;
			}
			for (String column : mapping.wide().columns()) {
				ColumnMapping.Wide wide = mapping.wide();
				if (wide.periods()) {
					List<RowProblem> periodProblems = new ArrayList<>();
					Period columnPeriod = period(wide.label(column), column, mapping, measure, line, periodProblems);
					outcomes.add(periodProblems.isEmpty() ? value(header, record, measure, columnPeriod, breakdown, given, column, status, note)
							: new Outcome(null, periodProblems));
				}
				else {
					// breakdowns in name order, as every key is written
					String key = Stream.concat(breakdown.isEmpty() ? Stream.empty() : Arrays.stream(breakdown.split(";")),
							Stream.of(wide.into() + "=" + wide.label(column))).sorted().collect(Collectors.joining(";"));
					outcomes.add(value(header, record, measure, period, key, given, column, status, note));
				}
			}
		}
		if (problems.isEmpty()) {
			return outcomes;
		}
		// a problem with the row as a whole keeps all its values out: its values' own problems are listed with it
		outcomes.forEach((outcome) -> problems.addAll(outcome.problems()));
		return List.of(new Outcome(null, problems));
	}

	/** One of a row's values: its place, the value or the numerator and denominator it is worked out from, its interval. */
	private Outcome value(Header header, SourceRow record, Measure measure, Period period, String breakdown, ColumnMapping.Values given,
			String valueColumn, String status, String note) {
		long line = record.line();
		List<RowProblem> problems = new ArrayList<>();
		String geography = null;
		if (given.placeColumn() != null) {
			String text = header.field(record, given.placeColumn());
			PlaceNames.Found place = given.familyGroupOf() ? familyGroupOf(text) : place(text, measure);
			if (place.problem() != null) {
				problems.add(new RowProblem(line, given.placeColumn(), place.problem()));
			}
			geography = place.code();
		}
		else {
			PlaceNames.Found place = place(given.place(), measure);
			if (place.problem() != null) {
				problems.add(new RowProblem(line, given.valueColumn(), "the place " + place.problem()));
			}
			geography = place.code();
		}
		boolean fraction = header.mapping().fractions() && (measure.unit() == Unit.PERCENTAGE || measure.unit() == Unit.PERCENTAGE_OF);
		BigDecimal numerator = sum(header, record, given.numerator(), problems);
		BigDecimal denominator = sum(header, record, given.denominator(), problems);
		BigDecimal value = null;
		String valueText = header.field(record, valueColumn);
		if (!missing(valueText)) {
			value = scaled(number(valueText, line, valueColumn, problems), fraction);
		}
		else if (numerator != null && denominator != null) {
			value = rate(numerator, denominator, measure, line, given.denominator(), problems);
		}
		else if (problems.isEmpty()) {
			problems.add(new RowProblem(line, (valueColumn != null) ? valueColumn : given.valueColumn(),
					valueText.isEmpty() ? "is empty" : "has no value ('" + valueText + "')"));
		}
		if (measure.unit() == Unit.PERCENTAGE && numerator != null && denominator != null && numerator.compareTo(denominator) > 0) {
			problems.add(new RowProblem(line, given.numerator(), "the numerator " + numerator.toPlainString() + " is larger than the denominator "
					+ denominator.toPlainString() + ": a percentage cannot be more than 100%"));
		}
		if (value != null) {
			measure.impossible(value).ifPresent((reason) -> problems.add(new RowProblem(line, given.valueColumn(), reason)));
		}
		BigDecimal lower = scaled(optional(header.field(record, given.lower()), given.lower(), line, problems), fraction);
		BigDecimal upper = scaled(optional(header.field(record, given.upper()), given.upper(), line, problems), fraction);
		return problems.isEmpty() ? Outcome.of(new Checked(line, measure, period, geography, breakdown, value, status, note,
				(valueColumn != null) ? valueColumn : given.valueColumn(), numerator, denominator, lower, upper)) : new Outcome(null, problems);
	}

	private static boolean blank(Header header, SourceRow record, String column) {
		return column == null || missing(header.field(record, column));
	}

	/** Cells statisticians leave for a figure not given: blank, "NA", "..", ":", "x", "*", "-". */
	private static final Set<String> MISSING = Set.of("", "na", "n/a", "..", ":", "x", "*", "-");

	private static boolean missing(String text) {
		return MISSING.contains(text.toLowerCase(Locale.ROOT));
	}

	private BigDecimal optional(String text, String column, long line, List<RowProblem> problems) {
		return missing(text) ? null : number(text, line, column, problems);
	}

	/** A numerator or denominator: one column's number, or the sum of several; none where any is missing. */
	private BigDecimal sum(Header header, SourceRow record, String columns, List<RowProblem> problems) {
		if (columns == null) {
			return null;
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (String column : ColumnMapping.summed(columns)) {
			BigDecimal part = optional(header.field(record, column), column, record.line(), problems);
			if (part == null) {
				return null;
			}
			sum = sum.add(part);
		}
		return sum;
	}

	private static BigDecimal scaled(BigDecimal value, boolean fraction) {
		return (value != null && fraction) ? value.movePointRight(2) : value;
	}

	/** A value worked out as its publisher would: numerator over denominator, as a percentage or per N where the unit says. */
	private static BigDecimal rate(BigDecimal numerator, BigDecimal denominator, Measure measure, long line, String column,
			List<RowProblem> problems) {
		if (denominator.signum() == 0) {
			problems.add(new RowProblem(line, column, "is 0: a value cannot be worked out over nothing"));
			return null;
		}
		return numerator.multiply(measure.unit().per(measure.ratePer())).divide(denominator, 6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
	}

	private static Period period(String text, String column, ColumnMapping mapping, Measure measure, long line, List<RowProblem> problems) {
		try {
			return Period.published(text, measure.periodType(), mapping.plainYear());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new RowProblem(line, column, ex.getMessage()));
			return null;
		}
	}

	/** A value given typed, such as a lead's approved one, checked as a file's row is once read. */
	Outcome value(long line, Measure measure, Period period, String geography, BigDecimal value, String status, String note) {
		List<RowProblem> problems = new ArrayList<>();
		if (measure.gap() != null) {
			problems.add(new RowProblem(line, "measure", ObservationImporter.derived(measure)));
		}
		PlaceNames.Found place = place(geography, measure);
		if (place.problem() != null) {
			problems.add(new RowProblem(line, "geography", place.problem()));
		}
		measure.impossible(value).ifPresent((reason) -> problems.add(new RowProblem(line, "value", reason)));
		status(status, line, problems);
		TextLimits.problem(Objects.requireNonNullElse(note, ""), TextLimits.NOTE)
			.ifPresent((reason) -> problems.add(new RowProblem(line, "note", reason)));
		return problems.isEmpty() ? Outcome.of(new Checked(line, measure, period, place.code(), "", value, status, note))
				: new Outcome(null, problems);
	}

	/** A value's status, where one is given, is one of those a value can have. */
	private static void status(String status, long line, List<RowProblem> problems) {
		if (status != null && !STATUSES.contains(status)) {
			problems.add(new RowProblem(line, "status", "'" + status + "' is not provisional, final or revised"));
		}
	}

	/** The place a row gives, by code, name or old code, or why the measure can have no value for it. */
	private PlaceNames.Found place(String given, Measure measure) {
		PlaceNames.Found found = this.places.find(given);
		if (found.problem() != null) {
			return found;
		}
		String geography = found.code();
		String level = this.places.level(geography);
		if (measure != null && !measure.geographyLevels().isEmpty() && !measure.geographyLevels().contains(level)) {
			return new PlaceNames.Found(geography, "'" + given + "' is a " + level + ", and " + measure.code() + " is published for "
					+ String.join(", ", measure.geographyLevels()) + " only");
		}
		return found;
	}

	/** The family group a council's publisher gives the average of beside it, as LGBF does on each council's row. */
	private PlaceNames.Found familyGroupOf(String given) {
		PlaceNames.Found found = this.places.find(given);
		if (found.problem() != null) {
			return found;
		}
		String group = Geographies.familyGroupOf(found.code());
		return (this.places.level(group) != null) ? new PlaceNames.Found(group, null)
				: new PlaceNames.Found(null, "'" + given + "' has no family group here to give the average of");
	}

	/** "Age=18-24;Gender=Female": the non-total values, dimensions in name order. */
	private String breakdown(Header header, SourceRow record, Measure measure, long line, List<RowProblem> problems) {
		StringBuilder key = new StringBuilder();
		header.breakdowns().forEach((dimension) -> {
			String value = header.field(record, dimension);
			if (TOTALS.contains(value.toLowerCase(Locale.ROOT))) {
				return;
			}
			if (measure != null && !measure.dimensions().isEmpty() && !measure.dimensions().contains(dimension)) {
				problems.add(new RowProblem(line, dimension, "measure " + measure.code() + " is not broken down by " + dimension));
			}
			key.append(key.isEmpty() ? "" : ";").append(dimension).append('=').append(value);
		});
		return key.toString();
	}

	private Measure measure(String code, String column, long line, List<RowProblem> problems) {
		if (code.isEmpty()) {
			problems.add(new RowProblem(line, column, "is empty"));
			return null;
		}
		Measure measure = this.measuresByCode.get(code);
		if (measure == null) {
			problems.add(new RowProblem(line, column, "'" + code + "' is not a known measure code"));
		}
		else if (measure.gap() != null) {
			problems.add(new RowProblem(line, column, ObservationImporter.derived(measure)));
			return null;
		}
		return measure;
	}

	private BigDecimal number(String text, long line, String column, List<RowProblem> problems) {
		if (text.isEmpty()) {
			problems.add(new RowProblem(line, column, "is empty"));
			return null;
		}
		try {
			BigDecimal number = new BigDecimal(text.replace(",", ""));
			// statistical software writes a binary fraction out in full (0.85206999999999988 for 0.85207): keep the 15 digits it holds
			return (number.scale() > Unit.MAX_DECIMALS && number.precision() <= 17)
					? number.round(new java.math.MathContext(15)).stripTrailingZeros() : number;
		}
		catch (NumberFormatException ex) {
			problems.add(new RowProblem(line, column, "'" + text + "' is not a number"));
			return null;
		}
	}

	private static String emptyToNull(String text) {
		return text.isEmpty() ? null : text;
	}

}
