package scot.goldenthread.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** A date typed into a form, as year-month-day; a problem goes beside its field, the same words on every form. */
public final class FormDates {

	private FormDates() {
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
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "Enter a real date as year-month-day, for example 2023-03-31");
			return null;
		}
	}

}
