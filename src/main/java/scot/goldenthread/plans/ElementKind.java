package scot.goldenthread.plans;

import java.util.Optional;

import scot.goldenthread.shared.Coded;

/** The levels of a plan, from its vision down to an action's milestones. */
public enum ElementKind implements Coded {

	VISION("Vision", "Vision"), STRATEGIC_OUTCOME("Strategic outcome", "Strategic outcomes"),
	PRIORITY_THEME("Priority theme", "Priority themes"), PRIORITY("Priority", "Priorities"),
	OUTCOME("Outcome", "Outcomes"), ACTION("Action", "Actions"), MILESTONE("Milestone", "Milestones");

	private final String label;

	private final String plural;

	ElementKind(String label, String plural) {
		this.label = label;
		this.plural = plural;
	}

	public String label() {
		return this.label;
	}

	public String plural() {
		return this.plural;
	}

	/** Why an element of this kind cannot sit under the given parent, or empty when it can. */
	Optional<String> misplacedUnder(ElementKind parent) {
		if (this == VISION && parent != null) {
			return Optional.of("a vision stands at the top of a plan");
		}
		if (this == MILESTONE && parent != ACTION) {
			return Optional.of("a milestone belongs to an action");
		}
		if (parent == MILESTONE) {
			return Optional.of("a milestone has no elements under it");
		}
		return Optional.empty();
	}

	public static Optional<ElementKind> of(String code) {
		return Coded.of(ElementKind.class, code);
	}

}
