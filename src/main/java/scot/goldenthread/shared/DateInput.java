package scot.goldenthread.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * A date typed into a form as GOV.UK's date input asks for it, day, month and year in three boxes ({@code name.day},
 * {@code name.month}, {@code name.year}), kept as typed so a refused form shows it again. A link or the API may give
 * it as one year-month-day instead ({@link FromText}). {@link Valid} says what is wrong with it in plain words.
 */
public record DateInput(String day, String month, String year) {

	public static DateInput of(LocalDate date) {
		return (date == null) ? null : new DateInput(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()),
				String.valueOf(date.getYear()));
	}

	/** A date written year-month-day; other text is kept, to be refused as no real date. */
	public static DateInput parse(String text) {
		String[] parts = text.strip().split("-", -1);
		return (parts.length == 3) ? new DateInput(parts[2], parts[1], parts[0]) : new DateInput(text, text, text);
	}

	/** The date named {@code name} among a form's fields, in three boxes or as one year-month-day; null when not sent. */
	public static DateInput in(Map<String, String> fields, String name) {
		if (fields.containsKey(name + ".day") || fields.containsKey(name + ".month") || fields.containsKey(name + ".year")) {
			return new DateInput(fields.get(name + ".day"), fields.get(name + ".month"), fields.get(name + ".year"));
		}
		String text = fields.get(name);
		return (text == null || text.isBlank()) ? null : parse(text);
	}

	public boolean blank() {
		return empty(this.day) && empty(this.month) && empty(this.year);
	}

	/** The date, once {@link Valid} has found it good; null when nothing was typed. */
	public static LocalDate date(DateInput input) {
		return (input == null || input.blank()) ? null
				: LocalDate.of(Integer.parseInt(input.year.strip()), Integer.parseInt(input.month.strip()), Integer.parseInt(input.day.strip()));
	}

	/** The date as year-month-day for a link, or blank where it is none. */
	public String iso() {
		return (blank() || problem(this, "") != null) ? "" : date(this).toString();
	}

	/** Why what was typed is no date, said of {@code what} ("the deadline"), or null when it is one or is blank. */
	static String problem(DateInput input, String what) {
		if (input == null || input.blank()) {
			return null;
		}
		List<String> missing = new ArrayList<>();
		if (empty(input.day)) {
			missing.add("a day");
		}
		if (empty(input.month)) {
			missing.add("a month");
		}
		if (empty(input.year)) {
			missing.add("a year");
		}
		if (!missing.isEmpty()) {
			return what + " must include " + String.join(" and ", missing);
		}
		if (!digits(input.day, 2) || !digits(input.month, 2) || !digits(input.year, 4)) {
			return what + " must be a real date";
		}
		if (input.year.strip().length() != 4) {
			return "The year must include 4 numbers";
		}
		try {
			return FormDates.outOfRange(date(input)).map((reason) -> what + " must be between " + FormDates.FIRST_YEAR + " and " + FormDates.LAST_YEAR)
				.orElse(null);
		}
		catch (DateTimeException ex) {
			return what + " must be a real date";
		}
	}

	private static boolean empty(String part) {
		return part == null || part.isBlank();
	}

	private static boolean digits(String part, int most) {
		String stripped = part.strip();
		return stripped.length() <= most && stripped.chars().allMatch(Character::isDigit);
	}

	/**
	 * A real date, or nothing when not {@code required}. {@code what} names it in the messages, lower case: "the
	 * deadline" gives "Enter the deadline" and "The deadline must include a month".
	 */
	@Documented
	@Constraint(validatedBy = Valid.Check.class)
	@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
	@Retention(RetentionPolicy.RUNTIME)
	public @interface Valid {

		String what();

		boolean required() default false;

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Check implements ConstraintValidator<Valid, DateInput> {

			private String what;

			private boolean required;

			@Override
			public void initialize(Valid annotation) {
				this.what = annotation.what();
				this.required = annotation.required();
			}

			@Override
			public boolean isValid(DateInput input, ConstraintValidatorContext context) {
				String problem = (this.required && (input == null || input.blank())) ? "Enter " + this.what
						: problem(input, Character.toUpperCase(this.what.charAt(0)) + this.what.substring(1));
				if (problem == null) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(Commands.literal(problem)).addConstraintViolation();
				return false;
			}

		}

	}

	/** A date given as one year-month-day, as links and the API give it. */
	@Component
	static class FromText implements Converter<String, DateInput> {

		@Override
		public DateInput convert(String text) {
			return text.isBlank() ? null : parse(text);
		}

	}

}
