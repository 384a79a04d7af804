package scot.goldenthread.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enumeration whose values are written in files, URLs and the database as lower-case codes with
 * dashes ("on-track" for ON_TRACK), one rule for them all.
 */
public interface Coded {

	String name();

	@JsonValue
	default String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static <E extends Enum<E> & Coded> Optional<E> of(Class<E> type, String code) {
		return Arrays.stream(type.getEnumConstants()).filter((value) -> value.code().equals(code)).findFirst();
	}

	/** The code of a value that may be absent, as a column or field that may be empty holds it. */
	static String codeOf(Coded value) {
		return (value != null) ? value.code() : null;
	}

	/** The codes of every value, to tell a user what would have been right. */
	static <E extends Enum<E> & Coded> String codes(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList().toString();
	}

}
