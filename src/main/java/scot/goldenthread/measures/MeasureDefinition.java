package scot.goldenthread.measures;

/**
 * A measure by name and the direction a plan wants it to move (seed 001's "Increase %" and "Reduce %");
 * data, targets and status come with the measures capability proper.
 */
public record MeasureDefinition(String code, String title, Direction direction) {

	public enum Direction {

		INCREASE("increase", "Increase"), REDUCE("reduce", "Reduce"), NONE("none", "No judgement");

		private final String code;

		private final String label;

		Direction(String code, String label) {
			this.code = code;
			this.label = label;
		}

		@com.fasterxml.jackson.annotation.JsonValue
		public String code() {
			return this.code;
		}

		public String label() {
			return this.label;
		}

		public static java.util.Optional<Direction> of(String code) {
			return java.util.Arrays.stream(values()).filter((d) -> d.code.equals(code)).findFirst();
		}

	}

}
