package scot.goldenthread.plans;

import java.util.Optional;

import scot.goldenthread.shared.Coded;

public enum PlanType implements Coded {

	LOIP("Local Outcomes Improvement Plan"), LOCALITY_PLAN("Locality plan"), THEMATIC_PLAN("Thematic plan"),
	BUSINESS_PLAN("Business plan"), STRATEGY("Strategy");

	private final String label;

	PlanType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public static Optional<PlanType> of(String code) {
		return Coded.of(PlanType.class, code);
	}

}
