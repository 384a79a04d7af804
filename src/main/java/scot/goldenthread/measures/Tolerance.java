package scot.goldenthread.measures;

/**
 * How far from a target, or from another value, still counts as close: a percentage of the value
 * compared against, or an absolute amount in the measure's unit.
 */
public record Tolerance(boolean percent, double amount) {

	public Tolerance {
		if (amount < 0 || Double.isNaN(amount)) {
			throw new IllegalArgumentException("A tolerance cannot be negative");
		}
	}

	public static Tolerance percent(double percent) {
		return new Tolerance(true, percent);
	}

	public static Tolerance absolute(double amount) {
		return new Tolerance(false, amount);
	}

	/** The width of the band around {@code reference}. */
	public double band(double reference) {
		return this.percent ? Math.abs(reference) * this.amount / 100 : this.amount;
	}

}
