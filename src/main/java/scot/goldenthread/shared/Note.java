package scot.goldenthread.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * A note or commentary as its writer wrote it: paragraphs separated by a blank line, bullet points as lines
 * starting "- ". Pages show the blocks with escaped text, so a note can never carry markup.
 */
public final class Note {

	private Note() {
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
