package scot.goldenthread.shared;

import java.time.LocalDate;
import java.util.Optional;

/** Every date, from a form ({@link DateInput}) or a file, lies in the years a plan or a statistic can speak of. */
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

}
