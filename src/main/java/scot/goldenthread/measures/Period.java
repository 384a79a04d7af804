package scot.goldenthread.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import scot.goldenthread.shared.FormDates;

/**
 * One period of a measure's series, from its first to its last day. Read from every form the sources
 * write ("2022/23", "2022-2023", "2022", "2022-Q3", "Q3 2022/23", "2022-09"), always against the
 * measure's own period type: a form that does not fit it is an error, never a guess.
 */
public record Period(PeriodType type, LocalDate start) implements Comparable<Period> {

	private static final Pattern SPLIT_YEAR = Pattern.compile("(\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private static final Pattern CALENDAR_QUARTER = Pattern.compile("(\\d{4})\\s*-?\\s*Q([1-4])", Pattern.CASE_INSENSITIVE);

	private static final Pattern FINANCIAL_QUARTER = Pattern.compile("Q([1-4])\\s+(\\d{4})\\s*/\\s*(\\d{2}|\\d{4})",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");

	public Period {
		FormDates.outOfRange(start).ifPresent((reason) -> {
			throw new IllegalArgumentException("the period " + reason);
		});
		if (start.getDayOfMonth() != 1 || (type.months() == 12 && start.getMonth() != type.firstMonth())
				|| (type == PeriodType.QUARTER && (start.getMonthValue() - 1) % 3 != 0)) {
			throw new IllegalArgumentException(start + " does not start a " + type.label().toLowerCase(Locale.ROOT));
		}
	}

	/**
	 * A target's period as plans write it: one of the measure's periods ("2025/26"), or a year ("2026", "by 2026"),
	 * meaning the last period that ends in it: 2025/26 for a financial or academic year, the October quarter, December.
	 */
	public static Period target(String text, PeriodType type) {
		String code = (text != null) ? text.strip().replaceFirst("(?i)^by\\s+", "") : "";
		if (!code.matches("\\d{4}") || type == PeriodType.CALENDAR_YEAR) {
			return parse(code, type);
		}
		int year = Integer.parseInt(code);
		if (year < FormDates.FIRST_YEAR || year > FormDates.LAST_YEAR) {
			throw new IllegalArgumentException("'" + code + "' is outside the years " + FormDates.FIRST_YEAR + " to " + FormDates.LAST_YEAR);
		}
		return new Period(type, (type.months() == 12) ? LocalDate.of(year - 1, type.firstMonth(), 1) : LocalDate.of(year, 13 - type.months(), 1));
	}

	/** Reads a period written in any of the sources' forms, or explains why it is not one of this type. */
	public static Period parse(String text, PeriodType type) {
		String code = (text != null) ? text.strip() : "";
		Matcher m;
		switch (type) {
			case FINANCIAL_YEAR, ACADEMIC_YEAR -> {
				if ((m = SPLIT_YEAR.matcher(code)).matches()) {
					int first = Integer.parseInt(m.group(1));
					requireNextYear(code, first, m.group(2));
					return new Period(type, LocalDate.of(first, type.firstMonth(), 1));
				}
			}
			case CALENDAR_YEAR -> {
				if (YEAR.matcher(code).matches()) {
					return new Period(type, LocalDate.of(Integer.parseInt(code), 1, 1));
				}
			}
			case QUARTER -> {
				if ((m = CALENDAR_QUARTER.matcher(code)).matches()) {
					return new Period(type, LocalDate.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2, 1));
				}
				if ((m = FINANCIAL_QUARTER.matcher(code)).matches()) {
					int first = Integer.parseInt(m.group(2));
					requireNextYear(code, first, m.group(3));
					// the financial year's first quarter is April to June
					return new Period(type, LocalDate.of(first, 4, 1).plusMonths(3L * (Integer.parseInt(m.group(1)) - 1)));
				}
			}
			case MONTH -> {
				if ((m = MONTH.matcher(code)).matches()) {
					int month = Integer.parseInt(m.group(2));
					if (month < 1 || month > 12) {
						throw new IllegalArgumentException("'" + code + "' has no month " + month);
					}
					return new Period(type, LocalDate.of(Integer.parseInt(m.group(1)), month, 1));
				}
			}
		}
		String kind = type.label().toLowerCase(Locale.ROOT);
		throw new IllegalArgumentException("'" + code + "' is not " + ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind + "; write it as "
				+ example(type));
	}

	private static void requireNextYear(String code, int first, String second) {
		if (lastYear(code, first, second) != first + 1) {
			throw new IllegalArgumentException("'" + code + "' does not run into the next year");
		}
	}

	/** The year a span such as "2022/23" or "2020-2023" ends in; it runs for at most five years. */
	private static int lastYear(String code, int first, String second) {
		int end = Integer.parseInt(second);
		int last = (second.length() == 2) ? first - first % 100 + end + ((end < first % 100) ? 100 : 0) : end;
		if (last <= first || last > first + 5) {
			throw new IllegalArgumentException("'" + code + "' does not run into the next year");
		}
		return last;
	}

	/**
	 * A period as a publisher's file writes it: as {@link #parse} reads it, and also a survey published over several
	 * years ("2020-23") as the year it ends with, as its publisher charts it, and a year written alone ("2015") as
	 * the financial or academic year {@code plainYear} says: the one ending in it (DWP's files) or starting in it
	 * (ScotPHO's).
	 */
	public static Period published(String text, PeriodType type, String plainYear) {
		String code = (text != null) ? text.strip() : "";
		Matcher m = SPLIT_YEAR.matcher(code);
		boolean splitYears = type == PeriodType.FINANCIAL_YEAR || type == PeriodType.ACADEMIC_YEAR;
		// only a type counted in years can be written as a span of them: "2022-09" is a month
		if ((splitYears || type == PeriodType.CALENDAR_YEAR) && m.matches()) {
			int first = Integer.parseInt(m.group(1));
			int last = lastYear(code, first, m.group(2));
			if (splitYears) {
				return new Period(type, LocalDate.of(last - 1, type.firstMonth(), 1));
			}
			// "2022/23" is not a calendar year; "2018-22" is five of them
			if (last > first + 1) {
				return new Period(type, LocalDate.of(last, 1, 1));
			}
		}
		if (splitYears && plainYear != null && YEAR.matcher(code).matches()) {
			int year = Integer.parseInt(code);
			return new Period(type, LocalDate.of(ColumnMapping.ENDING.equals(plainYear) ? year - 1 : year, type.firstMonth(), 1));
		}
		return parse(code, type);
	}

	private static String example(PeriodType type) {
		return switch (type) {
			case FINANCIAL_YEAR, ACADEMIC_YEAR -> "2022/23";
			case CALENDAR_YEAR -> "2022";
			case QUARTER -> "2022-Q3, or Q3 2022/23 for a financial quarter";
			case MONTH -> "2022-09";
		};
	}

	public LocalDate end() {
		return this.start.plusMonths(this.type.months()).minusDays(1);
	}

	public Period next() {
		return new Period(this.type, this.start.plusMonths(this.type.months()));
	}

	public Period previous() {
		return new Period(this.type, this.start.minusMonths(this.type.months()));
	}

	/** The canonical code, the one files are written with: "2022/23", "2022", "2022-Q3", "2022-09". */
	public String code() {
		int year = this.start.getYear();
		return switch (this.type) {
			case FINANCIAL_YEAR, ACADEMIC_YEAR -> year + "/" + String.format("%02d", (year + 1) % 100);
			case CALENDAR_YEAR -> Integer.toString(year);
			case QUARTER -> year + "-Q" + ((this.start.getMonthValue() - 1) / 3 + 1);
			case MONTH -> YearMonth.from(this.start).toString();
		};
	}

	/** How a person reads it: "2022/23", "2022", "July to September 2022", "September 2022". */
	public String label() {
		return switch (this.type) {
			case QUARTER -> month(this.start) + " to " + month(end()) + " " + end().getYear();
			case MONTH -> month(this.start) + " " + this.start.getYear();
			default -> code();
		};
	}

	private static String month(LocalDate date) {
		return date.getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
	}

	@Override
	public int compareTo(Period other) {
		return this.start.compareTo(other.start);
	}

	@Override
	public String toString() {
		return code();
	}

}
