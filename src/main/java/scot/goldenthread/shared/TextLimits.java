package scot.goldenthread.shared;

import java.util.Optional;

/**
 * The limits every text is held to, whether a form, an API request or a file gives it (the README lists them):
 * none is stored that PostgreSQL would refuse (a NUL character) or that no page could sensibly show.
 */
public final class TextLimits {

	/** A code, or the name of a place, partner or breakdown. */
	public static final int NAME = 200;

	/** A title, a lead's job title, a source. */
	public static final int TITLE = 2_000;

	/** A note, description or commentary. */
	public static final int NOTE = 10_000;

	private TextLimits() {
	}

	/** Why the text cannot be stored, if it cannot: too long, or holding a control character such as NUL. */
	public static Optional<String> problem(String text, int max) {
		if (text == null) {
			return Optional.empty();
		}
		if (text.length() > max) {
			return Optional.of("is " + text.length() + " characters long; it may have at most " + max);
		}
		if (text.chars().anyMatch((c) -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
			return Optional.of("holds a control character (such as NUL) that no text may hold");
		}
		return Optional.empty();
	}

}
