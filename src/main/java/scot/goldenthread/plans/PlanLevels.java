package scot.goldenthread.plans;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A plan's levels from the top, each a kind of element the product knows in the plan's own words ("Stretch outcome",
 * "Improvement aim"). A plan that names none has every kind in the product's order and words.
 */
public record PlanLevels(List<Level> levels) {

	/** One level: its kind, and what the plan calls one and several of it. */
	public record Level(ElementKind kind, String label, String plural) {

		static Level of(ElementKind kind) {
			return new Level(kind, kind.label(), kind.plural());
		}

		/** A level as read beside its element's kind: the plan's words where it names the level ({@code name} not null), else the product's. */
		static Level read(String kind, String name, String plural) {
			ElementKind known = ElementKind.of(kind).orElseThrow();
			return (name != null) ? new Level(known, name, plural) : of(known);
		}

	}

	public static final PlanLevels PRODUCT = new PlanLevels(Arrays.stream(ElementKind.values()).map(Level::of).toList());

	/** The levels a plan file names, the product's where it names none; a file's levels are checked on import. */
	static PlanLevels of(List<PlanDocument.Level> levels) {
		return levels.isEmpty() ? PRODUCT
				: new PlanLevels(levels.stream().map((l) -> new Level(ElementKind.of(l.kind().strip()).orElseThrow(), l.name().strip(), l.plural().strip())).toList());
	}

	/** What the plan calls an element of the kind a file gives ("action"). */
	String label(String kind) {
		return of(ElementKind.of(kind).orElseThrow()).label();
	}

	/** Whether the plan names its own levels rather than having the product's. */
	public boolean named() {
		return !this.equals(PRODUCT);
	}

	/** The plan's level of a kind: the product's words where the plan does not name it. */
	public Level of(ElementKind kind) {
		return this.levels.stream().filter((l) -> l.kind() == kind).findFirst().orElseGet(() -> Level.of(kind));
	}

	/** Where a level stands, 0 at the top; a kind the plan does not name comes after those it names, in the product's order. */
	public int depth(ElementKind kind) {
		for (int i = 0; i < this.levels.size(); i++) {
			if (this.levels.get(i).kind() == kind) {
				return i;
			}
		}
		return this.levels.size() + kind.ordinal();
	}

	/**
	 * Why an element of {@code kind} cannot sit under {@code parent} (null at the top) in this plan, or empty when it can:
	 * the product's rules always, and in a plan that names its levels, a named level below its parent's.
	 */
	Optional<String> misplaced(ElementKind kind, ElementKind parent) {
		Optional<String> rule = kind.misplacedUnder(parent);
		if (rule.isPresent() || !named()) {
			return rule;
		}
		if (this.levels.stream().noneMatch((l) -> l.kind() == kind)) {
			return Optional.of("'" + kind.code() + "' is not one of this plan's levels: " + words());
		}
		if (parent != null && depth(kind) <= depth(parent)) {
			return Optional.of("a " + of(kind).label() + " cannot sit under a " + of(parent).label() + ": this plan's levels go " + words());
		}
		return Optional.empty();
	}

	/** "Theme (priority-theme), Stretch outcome (strategic-outcome), ...": the levels as a file names them. */
	String words() {
		return this.levels.stream().map((l) -> l.label() + " (" + l.kind().code() + ")").collect(Collectors.joining(", "));
	}

}
