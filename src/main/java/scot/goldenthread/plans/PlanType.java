package scot.goldenthread.plans;

import java.util.Arrays;
import java.util.Optional;

public enum PlanType {

	LOIP("loip", "Local Outcomes Improvement Plan"), LOCALITY_PLAN("locality-plan", "Locality plan"),
	THEMATIC_PLAN("thematic-plan", "Thematic plan"), BUSINESS_PLAN("business-plan", "Business plan"),
	STRATEGY("strategy", "Strategy");

	private final String code;

	private final String label;

	PlanType(String code, String label) {
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

	public static Optional<PlanType> of(String code) {
		return Arrays.stream(values()).filter((type) -> type.code.equals(code)).findFirst();
	}

}
