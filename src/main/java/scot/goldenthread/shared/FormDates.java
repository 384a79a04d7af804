package scot.goldenthread.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * A date typed into a form, as year-month-day; a problem goes beside its field, the same words on every form.
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

	/** The date, or null when it is blank and not {@code required} or when it is not a real date (then in {@code errors}). */
	public static LocalDate read(String field, String text, boolean required, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			if (required) {
				errors.put(field, "Enter a date as year-month-day, for example 2023-03-31");
			}
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			if (outOfRange(date).isPresent()) {
				errors.put(field, "Enter a date between " + FIRST_YEAR + " and " + LAST_YEAR);
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "Enter a real date as year-month-day, for example 2023-03-31");
			return null;
		}
	}

}
