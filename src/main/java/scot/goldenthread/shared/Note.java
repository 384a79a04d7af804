package scot.goldenthread.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A note or commentary as its writer wrote it: paragraphs separated by a blank line, bullet points as lines
 * starting "- ". Pages show the blocks with escaped text, so a note can never carry markup.
 */
public final class Note {

	/** Anything that looks like markup is refused, not stored: a note is plain text. */
	private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?]");

	private Note() {
	}

	/** Why a note or commentary ({@code what}) cannot be stored as typed, or null when it can or is empty. */
	public static String problem(String what, String text, int max) {
		String stripped = (text != null) ? text.strip() : "";
		if (stripped.length() > max) {
			return "The " + what + " must be " + max + " characters or fewer; it has " + stripped.length();
		}
		if (TextLimits.problem(stripped, max).isPresent()) {
			return "The " + what + " must be plain text without control characters such as NUL";
		}
		if (looksLikeMarkup(stripped)) {
			return "The " + what + " must be plain text without HTML tags such as <script>: separate paragraphs with a blank line and start bullet points with \"- \"";
		}
		return null;
	}

	private static boolean looksLikeMarkup(String text) {
		return text != null && MARKUP.matcher(text).find();
	}

	public static List<Block> blocks(String text) {
		List<Block> blocks = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return blocks;
		}
		for (String chunk : text.strip().split("\\R\\s*\\R")) {
			List<String> paragraph = new ArrayList<>();
			List<String> bullets = new ArrayList<>();
			for (String line : chunk.split("\\R")) {
				String trimmed = line.strip();
				if (trimmed.startsWith("- ") || trimmed.startsWith("• ")) {
					flush(blocks, paragraph, false);
					bullets.add(trimmed.substring(2).strip());
				}
				else if (!trimmed.isEmpty()) {
					flush(blocks, bullets, true);
					paragraph.add(trimmed);
				}
			}
			flush(blocks, paragraph, false);
			flush(blocks, bullets, true);
		}
		return blocks;
	}

	private static void flush(List<Block> blocks, List<String> lines, boolean bullets) {
		if (!lines.isEmpty()) {
			blocks.add(bullets ? new Block(null, List.copyOf(lines)) : new Block(String.join(" ", lines), List.of()));
			lines.clear();
		}
	}

	/** A paragraph ({@code text}) or a bullet list ({@code items}). */
	public record Block(String text, List<String> items) {

		public boolean list() {
			return this.text == null;
		}

	}

}
