package scot.goldenthread.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A date typed into a form, as year-month-day ({@link IsoDate}); a problem goes beside its field, the same words on every form.
 * Every date, from a form or a file, lies in the years a plan or a statistic can speak of.
 */
public final class FormDates {

	public static final int FIRST_YEAR = 1900;

	public static final int LAST_YEAR = 2100;

	private FormDates() {
	}

	/** Why the date cannot be meant, if it cannot: 0000-01-01 is a slip, not a due date. */
	public static Optional<String> outOfRange(LocalDate date) {
		return (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)
				? Optional.of("is outside the years " + FIRST_YEAR + " to " + LAST_YEAR) : Optional.empty();
	}

	/** Why the text typed for a date is not one, or null when it is a date or blank. */
	public static String problem(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return outOfRange(LocalDate.parse(text.strip())).isPresent() ? "Enter a date between " + FIRST_YEAR + " and " + LAST_YEAR : null;
		}
		catch (DateTimeParseException ex) {
			return "Enter a real date as year-month-day, for example 2023-03-31";
		}
	}

	/** The date typed, once {@link IsoDate} has found it good; null when blank. */
	public static LocalDate parse(String text) {
		return (text == null || text.isBlank()) ? null : LocalDate.parse(text.strip());
	}

}
