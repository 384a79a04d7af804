package scot.goldenthread.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The code of one of a {@link Coded} enumeration's values, as a form's list or an API field sends it; blank is allowed. */
@Documented
@Constraint(validatedBy = CodeOf.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface CodeOf {

	Class<? extends Coded> value();

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<CodeOf, String> {

		private Coded[] values;

		@Override
		public void initialize(CodeOf rule) {
			this.values = rule.value().getEnumConstants();
		}

		@Override
		public boolean isValid(String code, ConstraintValidatorContext context) {
			return code == null || code.isBlank() || Arrays.stream(this.values).anyMatch((v) -> v.code().equals(code.strip()));
		}

	}

}
