package scot.goldenthread.shared;

import java.util.Map;

/** Input that cannot be taken as typed, with a message for each field (or "" for the whole form); nothing was changed. */
public class Refused extends RuntimeException {

	private final Map<String, String> errors;

	public Refused(Map<String, String> errors) {
		super(String.join("; ", errors.values()));
		this.errors = errors;
	}

	public Map<String, String> errors() {
		return this.errors;
	}

}
