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
 * A note, commentary or section as its writer typed it: at most {@code max} characters, plain text (see {@link Note}),
 * no control character. Empty is allowed; {@code NotBlank} says when it is not.
 */
@Documented
@Constraint(validatedBy = PlainText.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	/** What the text is, in the message: "note", "commentary". */
	String what();

	int max() default TextLimits.NOTE;

	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<PlainText, String> {

		private PlainText rule;

		@Override
		public void initialize(PlainText rule) {
			this.rule = rule;
		}

		@Override
		public boolean isValid(String text, ConstraintValidatorContext context) {
			String problem = Note.problem(this.rule.what(), text, this.rule.max());
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(Commands.literal(problem)).addConstraintViolation();
			return false;
		}

	}

}
