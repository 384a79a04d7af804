package scot.goldenthread.progress;

import scot.goldenthread.shared.Coded;

/** Where an update is on its way from the lead to the public. */
public enum UpdateState implements Coded {

	DRAFT("Draft"), SUBMITTED("Waiting for approval"), APPROVED("Approved"), RETURNED("Returned for changes");

	private final String label;

	UpdateState(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The lead may still change it. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

	public static UpdateState of(String code) {
		return Coded.of(UpdateState.class, code).orElseThrow();
	}

}
