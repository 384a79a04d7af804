package scot.goldenthread.measures;

import scot.goldenthread.shared.Coded;

/** Which way is good for a measure. */
public enum Polarity implements Coded {

	HIGHER_IS_BETTER("Higher is better"), LOWER_IS_BETTER("Lower is better"),
	CLOSEST_TO_TARGET("Closest to target is best"), NO_JUDGEMENT("No judgement");

	private final String label;

	Polarity(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** How much better {@code value} is than {@code reference}: positive is better, negative worse. */
	double gain(double value, double reference, Double target) {
		return switch (this) {
			case HIGHER_IS_BETTER -> value - reference;
			case LOWER_IS_BETTER -> reference - value;
			case CLOSEST_TO_TARGET -> (target != null) ? Math.abs(reference - target) - Math.abs(value - target) : 0;
			case NO_JUDGEMENT -> 0;
		};
	}

	public static java.util.Optional<Polarity> of(String code) {
		return Coded.of(Polarity.class, code);
	}

}
