package scot.goldenthread.plans;

import java.util.Optional;

import scot.goldenthread.shared.Coded;

public enum PlanStatus implements Coded {

	DRAFT("Draft"), APPROVED("Approved"), ARCHIVED("Archived");

	private final String label;

	PlanStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public static Optional<PlanStatus> of(String code) {
		return Coded.of(PlanStatus.class, code);
	}

}
