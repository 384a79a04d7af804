package scot.goldenthread.measures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import scot.goldenthread.measures.ObservationImporter.Layout;
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

	/** A value ready to store; {@code status} null leaves a stored value's own. */
	record Checked(long line, Measure measure, Period period, String geography, String breakdown, BigDecimal value, String status,
			String note) {
	}

	/** What a row came to: a value to store, the problems that keep it out, or neither (skipped). */
	record Outcome(Checked checked, List<RowProblem> problems) {

		static final Outcome SKIPPED = new Outcome(null, List.of());

		static Outcome of(Checked checked) {
			return new Outcome(checked, List.of());
		}

		boolean skipped() {
			return this.checked == null && this.problems.isEmpty();
		}

	}

	/** The columns of a file, as its first row names them, and the measure it is loaded for, if one. */
	record Header(Layout layout, Map<String, Integer> index, TreeMap<String, Integer> dimensions, Measure measure) {

		String field(SourceRow row, String column) {
			Integer i = this.index.get(column);
			// a cell this product wrote with an apostrophe before it, so that no spreadsheet runs it, is read as it was
			return (i != null && i < row.fields().size())
					? SpreadsheetCells.read(Objects.requireNonNullElse(row.fields().get(i), "").strip()) : "";
		}

	}

	/** A file's row, read from its cells and checked; a statistics.gov.scot row of another measurement is skipped. */
	Outcome row(Header header, SourceRow record, String measurement) {
		long line = record.line();
		if (header.layout() == Layout.STATISTICS_GOV_SCOT && measurement != null && !measurement.isBlank()
				&& !measurement.equalsIgnoreCase(header.field(record, "Measurement"))) {
			return Outcome.SKIPPED;
		}
		boolean sgs = header.layout() == Layout.STATISTICS_GOV_SCOT;
		List<RowProblem> problems = new ArrayList<>();
		// checked in the order of the columns, so that problems read left to right
		Measure measure = sgs ? header.measure() : measure(header.field(record, "measure"), line, problems);
		if (!sgs && measure != null && header.measure() != null && measure.id() != header.measure().id()) {
			problems.add(new RowProblem(line, "measure", "is not " + header.measure().code() + ", the measure this file is loaded for"));
			measure = null;
		}
		Period period = null;
		String periodColumn = sgs ? "DateCode" : "period";
		if (measure != null) {
			try {
				period = Period.parse(header.field(record, periodColumn), measure.periodType());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new RowProblem(line, periodColumn, ex.getMessage()));
			}
		}
		String geographyColumn = sgs ? "FeatureCode" : "geography";
		PlaceNames.Found place = place(header.field(record, geographyColumn), measure);
		if (place.problem() != null) {
			problems.add(new RowProblem(line, geographyColumn, place.problem()));
		}
		String geography = place.code();
		String valueColumn = sgs ? "Value" : "value";
		BigDecimal value = number(header.field(record, valueColumn), line, valueColumn, problems);
		if (measure != null && value != null) {
			measure.impossible(value).ifPresent((reason) -> problems.add(new RowProblem(line, valueColumn, reason)));
		}
		String status = emptyToNull(sgs ? "" : header.field(record, "status").toLowerCase(Locale.ROOT));
		status(status, line, problems);
		String breakdown = breakdown(header, record, measure, line, problems);
		header.index().forEach((column, i) -> TextLimits.problem(header.field(record, column),
				column.equals("note") ? TextLimits.NOTE : TextLimits.NAME)
			.ifPresent((reason) -> problems.add(new RowProblem(line, column, reason))));
		return problems.isEmpty() ? Outcome.of(new Checked(line, measure, period, geography, breakdown, value, status,
				sgs ? null : emptyToNull(header.field(record, "note")))) : new Outcome(null, problems);
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
		if (level.equals(Geographies.FAMILY_GROUP)) {
			return new PlaceNames.Found(geography, "'" + given + "' is a family group: its values are worked out from its members'");
		}
		if (measure != null && !measure.geographyLevels().isEmpty() && !measure.geographyLevels().contains(level)) {
			return new PlaceNames.Found(geography, "'" + given + "' is a " + level + ", and " + measure.code() + " is published for "
					+ String.join(", ", measure.geographyLevels()) + " only");
		}
		return found;
	}

	/** "Age=18-24;Gender=Female": the non-total values, dimensions in name order. */
	private String breakdown(Header header, SourceRow record, Measure measure, long line, List<RowProblem> problems) {
		StringBuilder key = new StringBuilder();
		header.dimensions().forEach((dimension, i) -> {
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

	private Measure measure(String code, long line, List<RowProblem> problems) {
		if (code.isEmpty()) {
			problems.add(new RowProblem(line, "measure", "is empty"));
			return null;
		}
		Measure measure = this.measuresByCode.get(code);
		if (measure == null) {
			problems.add(new RowProblem(line, "measure", "'" + code + "' is not a known measure code"));
		}
		else if (measure.gap() != null) {
			problems.add(new RowProblem(line, "measure", ObservationImporter.derived(measure)));
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
			return new BigDecimal(text.replace(",", ""));
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
