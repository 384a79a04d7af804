package scot.goldenthread.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A whole number typed as text, from {@code min} to {@code max}; a trailing "%" is allowed, as people write
 * progress. Blank is refused: a form that asks for a number needs one. {@link Check#read} reads it once it is valid.
 */
@Documented
@Constraint(validatedBy = WholeNumber.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {

	/** What the number is, in the message: "progress". */
	String what();

	int min();

	int max();

	/** A number a person might type, in the message. */
	int example();

	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<WholeNumber, String> {

		private WholeNumber rule;

		/** The number typed, once it has been found good. */
		public static int read(String text) {
			return Integer.parseInt(text.strip().replace("%", "").strip());
		}

		@Override
		public void initialize(WholeNumber rule) {
			this.rule = rule;
		}

		@Override
		public boolean isValid(String text, ConstraintValidatorContext context) {
			String problem;
			try {
				int number = read((text != null) ? text : "");
				if (number >= this.rule.min() && number <= this.rule.max()) {
					return true;
				}
				problem = capitalised(this.rule.what()) + " must be a whole number from " + this.rule.min() + " to " + this.rule.max();
			}
			catch (NumberFormatException ex) {
				problem = "Enter " + this.rule.what() + " as a whole number from " + this.rule.min() + " to " + this.rule.max()
						+ ", for example " + this.rule.example();
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(Commands.literal(problem)).addConstraintViolation();
			return false;
		}

		private static String capitalised(String text) {
			return Character.toUpperCase(text.charAt(0)) + text.substring(1);
		}

	}

}
