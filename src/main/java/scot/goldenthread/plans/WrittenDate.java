package scot.goldenthread.plans;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A start or due date as a plan writes it: a day (2026-03-31), a month ("March 2025"), a financial year ("2025/26"), an
 * academic year ("AY 2025/26") or a year ("2026"), each perhaps after "by". It is shown as written and judged over its
 * period: started on its first day, due on its last. {@code written} is null for a plain day, which needs no words.
 */
public record WrittenDate(String written, LocalDate first, LocalDate last) {

	static final String FORMS = "write a day (2026-03-31), a month (March 2026), a financial year (2025/26), an academic year (AY 2025/26)"
			+ " or a year (2026, or by 2026)";

	private static final Pattern MONTH = Pattern.compile("([a-z]+) (\\d{4})");

	private static final Pattern YEARS = Pattern.compile("(ay |academic year )?(\\d{4})/(\\d{2})");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	/** The date the words mean, or why they mean none. */
	static Result parse(String text) {
		String words = text.strip().replaceAll("\\s+", " ");
		String period = words.toLowerCase(Locale.ROOT).startsWith("by ") ? words.substring(3) : words;
		String lower = period.toLowerCase(Locale.ROOT);
		try {
			if (lower.matches("\\d{4}-\\d{2}-\\d{2}")) {
				LocalDate day = LocalDate.parse(lower);
				return Result.of(new WrittenDate(words.equals(period) ? null : words, day, day));
			}
		}
		catch (DateTimeParseException ex) {
			return Result.problem("'" + text + "' is not a date; " + FORMS);
		}
		Matcher month = MONTH.matcher(lower);
		if (month.matches()) {
			Optional<Month> named = Arrays.stream(Month.values())
				.filter((m) -> m.getDisplayName(TextStyle.FULL, Locale.UK).equalsIgnoreCase(month.group(1))
						|| m.getDisplayName(TextStyle.SHORT, Locale.UK).equalsIgnoreCase(month.group(1)))
				.findFirst();
			if (named.isPresent()) {
				YearMonth ym = YearMonth.of(Integer.parseInt(month.group(2)), named.get());
				return Result.of(new WrittenDate(words, ym.atDay(1), ym.atEndOfMonth()));
			}
		}
		Matcher years = YEARS.matcher(lower);
		if (years.matches()) {
			int from = Integer.parseInt(years.group(2));
			if (Integer.parseInt(years.group(3)) != (from + 1) % 100) {
				return Result.problem("'" + text + "' is not one year to the next; a financial or academic year is written like 2025/26");
			}
			boolean academic = years.group(1) != null;
			LocalDate first = LocalDate.of(from, academic ? 8 : 4, 1);
			return Result.of(new WrittenDate(words, first, first.plusYears(1).minusDays(1)));
		}
		if (YEAR.matcher(lower).matches()) {
			int year = Integer.parseInt(lower);
			return Result.of(new WrittenDate(words, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
		}
		return Result.problem("'" + text + "' is not a date; " + FORMS);
	}

	/** The words for a stored date: as written, or the day itself. */
	/** The date a file gives, once its import has found it good; null where it gives none. */
	static WrittenDate read(String text) {
		return (text != null) ? parse(text).date() : null;
	}

	static String text(String written, LocalDate day) {
		return (written != null) ? written : (day != null) ? day.toString() : null;
	}

	/** A date read from words, or the reason there is none. */
	record Result(WrittenDate date, String problem) {

		static Result of(WrittenDate date) {
			return new Result(date, null);
		}

		static Result problem(String problem) {
			return new Result(null, problem);
		}

	}

}
