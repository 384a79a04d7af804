package scot.goldenthread.progress;

import java.util.Map;

/** An update that cannot be saved as asked, with a message for each field (or "" for the whole form). */
public class UpdateRefused extends RuntimeException {

	private final Map<String, String> errors;

	UpdateRefused(Map<String, String> errors) {
		super(String.join("; ", errors.values()));
		this.errors = errors;
	}

	UpdateRefused(String field, String message) {
		this(Map.of(field, message));
	}

	public Map<String, String> errors() {
		return this.errors;
	}

}
