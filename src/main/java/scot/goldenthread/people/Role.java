package scot.goldenthread.people;

import scot.goldenthread.shared.Coded;

/** What a person may do where their grant applies; each role includes the ones after it. */
public enum Role implements Coded {

	ADMINISTRATOR("Administrator"),
	PLAN_OWNER("Plan owner"),
	CONTRIBUTOR("Contributor"),
	VIEWER("Viewer");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean includes(Role other) {
		return ordinal() <= other.ordinal();
	}

	public static java.util.Optional<Role> of(String code) {
		return Coded.of(Role.class, code);
	}

}
