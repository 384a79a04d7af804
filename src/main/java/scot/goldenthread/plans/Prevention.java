package scot.goldenthread.plans;

import java.util.Optional;

import scot.goldenthread.shared.Coded;

/** Where an action stands between stopping a need arising and meeting it once it has: as the stock-take asks plans to say. */
public enum Prevention implements Coded {

	PREVENTION("Prevention"), EARLY_INTERVENTION("Early intervention"), CRISIS_RESPONSE("Crisis response");

	private final String label;

	Prevention(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Prevention or early intervention: the shift the stock-take looks for. */
	public boolean preventative() {
		return this != CRISIS_RESPONSE;
	}

	public static Optional<Prevention> of(String code) {
		return Coded.of(Prevention.class, code);
	}

}
