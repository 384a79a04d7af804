package scot.goldenthread.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the columns of a file in any tidy layout become values, so that an officer loads a file as it came: which
 * column holds each row's measure (or the one measure of the whole file), its period, its place, its value (or
 * the numerator and denominator it is worked out from), which columns are breakdowns, and which columns, one per
 * year or per age band, are turned long. A row may give several values for several places, as an LGBF extract
 * gives a council's, Scotland's and the family group's. Saved under a name to be chosen again.
 *
 * @param measureColumn the column naming each row's measure by its code, or null for one measure for the file
 * @param measure the one measure of the whole file, or null
 * @param periodColumn the period's column, or null where the period is in the columns turned long
 * @param plainYear what a year written alone means for a measure counted in financial or school years: the one
 * {@link #ENDING} in it (DWP: 2015 is 2014/15) or {@link #STARTING} in it (ScotPHO: 2017 is 2017/18); null: no such year
 * @param values the values each row gives, each for its own place; a numerator or denominator may be the sum of several
 * columns ("Age0+Age1+Age2")
 * @param breakdowns columns whose values are breakdowns, each named by its column; {@link #REST} for every column
 * not mapped otherwise
 * @param wide columns turned long, one value each, or null
 * @param keep the rows to load, or null for all
 * @param fractions percentages are written as fractions of one (0.283 for 28.3%)
 * @param period the period of every row, for a file that has no period column (SIMD's indicators are all of one edition), or null
 */
public record ColumnMapping(String measureColumn, String measure, String periodColumn, String plainYear, List<Values> values,
		List<String> breakdowns, List<String> ignored, Wide wide, String statusColumn, String noteColumn, Keep keep, boolean fractions, String period) {

	/** In {@link #breakdowns}: every column not otherwise mapped or ignored is a breakdown. */
	public static final String REST = "*";

	/** In {@link #plainYear}: a year written alone is the financial or school year ending in it. */
	public static final String ENDING = "ending";

	/** In {@link #plainYear}: a year written alone is the financial or school year starting in it. */
	public static final String STARTING = "starting";

	/** In {@link Wide#into}: the columns turned long are periods ("2019", "2020", ...). */
	public static final String PERIOD = "period";

	public ColumnMapping {
		values = List.copyOf(Objects.requireNonNullElse(values, List.of()));
		breakdowns = List.copyOf(Objects.requireNonNullElse(breakdowns, List.of()));
		ignored = List.copyOf(Objects.requireNonNullElse(ignored, List.of()));
	}

	/**
	 * One value a row gives: for the place in {@code placeColumn} or the place {@code place} (such as Scotland,
	 * S92000003), or, with {@code familyGroupOf}, the family group of the place in {@code placeColumn} as its
	 * publisher gives that group's average; the value itself, or its numerator and denominator, with its confidence
	 * interval where the file gives one.
	 */
	public record Values(String placeColumn, String place, boolean familyGroupOf, String value, String numerator, String denominator,
			String lower, String upper) {

		public static Values of(String placeColumn, String value) {
			return new Values(placeColumn, null, false, value, null, null, null, null);
		}

		/** The column whose cell names where this value was wrong, for a problem with the value as a whole. */
		String valueColumn() {
			return (this.value != null) ? this.value : Objects.requireNonNullElse(this.numerator, "value");
		}

		List<String> columns() {
			List<String> columns = new ArrayList<>();
			for (String column : new String[] { this.placeColumn, this.value, this.numerator, this.denominator, this.lower, this.upper }) {
				if (column != null) {
					columns.addAll(summed(column));
				}
			}
			return columns;
		}

	}

	/** A numerator or denominator may be the sum of several columns: "Age0+Age1+Age2". */
	static List<String> summed(String columns) {
		return List.of(columns.split("\\s*\\+\\s*"));

	}

	/**
	 * Columns turned long: each of {@code columns} gives one value, its column's name being the period (into
	 * {@link #PERIOD}) or the value of the breakdown {@code into} ("Age0" becomes Age=0: the breakdown's name, where the
	 * column starts with it, is left off).
	 */
	public record Wide(List<String> columns, String into) {

		public Wide {
			columns = List.copyOf(columns);
		}

		/** What a column turned long stands for: "Age90plus" into Age is "90plus". */
		String label(String column) {
			return (column.length() > this.into.length() && column.toLowerCase(Locale.ROOT).startsWith(this.into.toLowerCase(Locale.ROOT)))
					? column.substring(this.into.length()).strip() : column;
		}

		boolean periods() {
			return PERIOD.equals(this.into);
		}

	}

	/** Only the rows whose {@code column} is {@code value}, or begins with what comes before a final "*" ("S*"). */
	public record Keep(String column, String value) {

		boolean keeps(String cell) {
			return this.value.endsWith("*") ? cell.startsWith(this.value.substring(0, this.value.length() - 1))
					: cell.equalsIgnoreCase(this.value);
		}

	}

	/** statistics.gov.scot's layout: one measure, chosen by the person loading it, and one measurement of it. */
	public static ColumnMapping statisticsGovScot(String measure, String measurement) {
		return new ColumnMapping(null, measure, "DateCode", null, List.of(Values.of("FeatureCode", "Value")), List.of(REST),
				List.of("Measurement", "Units"), null, null, null,
				(measurement != null && !measurement.isBlank()) ? new Keep("Measurement", measurement) : null, false, null);
	}

	/** This service's own layout, the one its files are exported in. */
	public static ColumnMapping goldenThread(String measure) {
		return new ColumnMapping("measure", measure, "period", null, List.of(Values.of("geography", "value")), List.of(REST), List.of(),
				null, "status", "note", null, false, null);
	}

	/**
	 * The Improvement Service's LGBF extract: each row one indicator, one council and one year, with the council's
	 * value, numerator and denominator, Scotland's, and the council's family group's average as published.
	 */
	public static ColumnMapping lgbf(String measure, String code) {
		return new ColumnMapping((measure == null) ? "Code" : null, measure, "Year", null, List.of(
				new Values("LocalAuthority", null, false, "LA_IndicatorReal", "LA_Numerator_real", "LA_Den_Real", null, null),
				new Values(null, Geographies.SCOTLAND, false, "Scotland_Indicator_Real", "Scotland_Num_Real", "Scotland_Den_Real", null, null),
				new Values("LocalAuthority", null, true, "FG_Avg_Indicator_Real", "FG_Avg_Num_Real", "FG_Avg_Den_Real", null, null)),
				List.of(), List.of(), null, null, null, (code != null) ? new Keep("Code", code) : null, true, null);
	}

	/** Whether each row names its measure (checked against the one measure, where the file is loaded for one). */
	boolean measurePerRow() {
		return this.measureColumn != null;
	}

	/** The columns this mapping reads, each once, for checking that the file has them. */
	List<String> required() {
		List<String> columns = new ArrayList<>();
		if (measurePerRow()) {
			columns.add(this.measureColumn);
		}
		if (this.periodColumn != null) {
			columns.add(this.periodColumn);
		}
		this.values.forEach((v) -> columns.addAll(v.columns()));
		this.breakdowns.stream().filter((b) -> !REST.equals(b)).forEach(columns::add);
		if (this.wide != null) {
			columns.addAll(this.wide.columns());
		}
		if (this.keep != null) {
			columns.add(this.keep.column());
		}
		return columns.stream().distinct().toList();
	}

	/** What is wrong with the mapping itself, before any row is read: each problem in plain words. */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (!measurePerRow() && (this.measure == null || this.measure.isBlank())) {
			problems.add("Say which column names each row's measure, or choose the one measure the file holds");
		}
		if (this.periodColumn == null && this.period == null && (this.wide == null || !this.wide.periods())) {
			problems.add("Say which column holds the period, which columns are periods, or the one period of every row");
		}
		if (this.values.isEmpty()) {
			problems.add("Say which column holds the place and which the value");
		}
		if (this.plainYear != null && !ENDING.equals(this.plainYear) && !STARTING.equals(this.plainYear)) {
			problems.add("A year written alone is the year a financial or school year starts in or ends in: say starting or ending");
		}
		for (Values v : this.values) {
			if (v.placeColumn() == null && (v.place() == null || v.place().isBlank())) {
				problems.add("Say which column holds the place, by its code or its name");
			}
			if (this.wide == null && v.value() == null && (v.numerator() == null || v.denominator() == null)) {
				problems.add("Say which column holds the value, or which hold its numerator and denominator");
			}
		}
		if (this.wide != null && this.wide.columns().isEmpty()) {
			problems.add("Choose the columns to turn into rows");
		}
		if (this.wide != null && this.values.size() > 1) {
			problems.add("A file whose columns are turned into rows gives one value a row");
		}
		return problems;
	}

}
