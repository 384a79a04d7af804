package scot.goldenthread.shared;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * What a form or an API call asks, as a command record whose fields carry their constraints (Bean Validation).
 * A service checks a command here, adds the problems of rules that need more than the command (a plan's own
 * milestones, a measure's period type) and refuses it with every problem, so a page and the API give the same
 * words; a page bound with {@code @Valid} shows a {@link BindingResult} the same way.
 */
@Component
public class Commands {

	private final SpringValidatorAdapter validator;

	public Commands(jakarta.validation.Validator validator) {
		this.validator = new SpringValidatorAdapter(validator);
	}

	/** The command's problems against the constraints on its fields. */
	public BindingResult check(Object command) {
		BindingResult errors = new BeanPropertyBindingResult(command, "command");
		this.validator.validate(command, errors);
		return errors;
	}

	/** What a person typed in a field: null where it was nothing but spaces, else without the spaces around it. */
	public static String typed(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** A problem found by a rule of the service's own, beside {@code field} ("" for the whole form). */
	public static void reject(BindingResult errors, String field, String message) {
		errors.addError(field.isEmpty() ? new ObjectError(errors.getObjectName(), message)
				: new FieldError(errors.getObjectName(), field, message));
	}

	/** Refuses the command with its problems, if it has any; nothing has been changed. */
	public static void refuseIfAny(BindingResult errors) {
		if (errors.hasErrors()) {
			throw new Refused(messages(errors));
		}
	}

	/**
	 * Each field's first problem, in the order of the command's fields, and the whole form's under "": what the
	 * error summary lists and each field shows beside it. A value a form could not have sent (a letter where a
	 * list offers numbers) gets plain words rather than a converter's.
	 */
	public static Map<String, String> messages(BindingResult errors) {
		Object target = errors.getTarget();
		List<String> order = (target != null && target.getClass().isRecord())
				? Arrays.stream(target.getClass().getRecordComponents()).map((c) -> c.getName()).toList() : List.of();
		Map<String, String> messages = new LinkedHashMap<>();
		errors.getFieldErrors().stream()
			.sorted(Comparator.comparingInt((FieldError e) -> order.contains(e.getField()) ? order.indexOf(e.getField()) : order.size()))
			.forEach((e) -> messages.putIfAbsent(e.getField(),
					e.isBindingFailure() ? "Choose or enter one of the values the form offers" : e.getDefaultMessage()));
		errors.getGlobalErrors().forEach((e) -> messages.putIfAbsent("", e.getDefaultMessage()));
		return messages;
	}

	/** A message as Bean Validation shows it, with no part read as an expression. */
	static String literal(String message) {
		return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

}
