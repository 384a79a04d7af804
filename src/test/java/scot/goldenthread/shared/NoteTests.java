package scot.goldenthread.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoteTests {

	@Test
	void paragraphsAndBulletListsAreSeparateBlocks() {
		List<Note.Block> blocks = Note.blocks("Since August:\n- one left\n- one away\n\nMoving forward\nwe only have 1.6fte.");
		assertThat(blocks).containsExactly(new Note.Block("Since August:", List.of()),
				new Note.Block(null, List.of("one left", "one away")), new Note.Block("Moving forward we only have 1.6fte.", List.of()));
	}

	@Test
	void anEmptyNoteHasNoBlocks() {
		assertThat(Note.blocks(null)).isEmpty();
		assertThat(Note.blocks("  \n ")).isEmpty();
	}

}
