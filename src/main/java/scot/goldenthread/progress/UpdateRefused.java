package scot.goldenthread.progress;

import java.util.Map;

import scot.goldenthread.shared.Refused;

/** An update that cannot be saved as asked, with a message for each field (or "" for the whole form). */
class UpdateRefused extends Refused {

	UpdateRefused(Map<String, String> errors) {
		super(errors);
	}

	UpdateRefused(String field, String message) {
		this(Map.of(field, message));
	}

}
