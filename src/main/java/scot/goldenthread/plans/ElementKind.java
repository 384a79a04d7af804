package scot.goldenthread.plans;

import java.util.Arrays;
import java.util.Optional;

/** The levels of a plan, from its vision down to an action's milestones. */
public enum ElementKind {

	VISION("vision", "Vision", "Vision"), STRATEGIC_OUTCOME("strategic-outcome", "Strategic outcome", "Strategic outcomes"),
	PRIORITY_THEME("priority-theme", "Priority theme", "Priority themes"), PRIORITY("priority", "Priority", "Priorities"),
	OUTCOME("outcome", "Outcome", "Outcomes"), ACTION("action", "Action", "Actions"),
	MILESTONE("milestone", "Milestone", "Milestones");

	private final String code;

	private final String label;

	private final String plural;

	ElementKind(String code, String label, String plural) {
		this.code = code;
		this.label = label;
		this.plural = plural;
	}

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return this.code;
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
		return Arrays.stream(values()).filter((kind) -> kind.code.equals(code)).findFirst();
	}

}
