package scot.goldenthread.measures;

import java.util.Optional;

import scot.goldenthread.shared.Coded;

/**
 * A measure by name and the direction a plan wants it to move (seed 001's "Increase %" and "Reduce %");
 * data, targets and status come with the measures capability proper.
 */
public record MeasureDefinition(String code, String title, Direction direction) {

	public enum Direction implements Coded {

		INCREASE("Increase"), REDUCE("Reduce"), NONE("No judgement");

		private final String label;

		Direction(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		public static Optional<Direction> of(String code) {
			return Coded.of(Direction.class, code);
		}

	}

}
