package scot.goldenthread.plans;

import java.util.Arrays;
import java.util.Optional;

public enum PlanStatus {

	DRAFT("draft", "Draft"), APPROVED("approved", "Approved"), ARCHIVED("archived", "Archived");

	private final String code;

	private final String label;

	PlanStatus(String code, String label) {
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

	public static Optional<PlanStatus> of(String code) {
		return Arrays.stream(values()).filter((status) -> status.code.equals(code)).findFirst();
	}

}
