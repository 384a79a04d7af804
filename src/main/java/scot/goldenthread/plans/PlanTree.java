package scot.goldenthread.plans;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A plan with its elements as a tree, in the plan's own order. */
public record PlanTree(Plan plan, List<PlanElement> roots) {

	public List<PlanElement> elements() {
		return this.roots.stream().flatMap((root) -> root.flatten().stream()).toList();
	}

	public Optional<PlanElement> element(long id) {
		return elements().stream().filter((element) -> element.id() == id).findFirst();
	}

	public List<PlanElement> ofKind(ElementKind kind) {
		return elements().stream().filter((element) -> element.kind() == kind).toList();
	}

	public long count(ElementKind kind) {
		return ofKind(kind).size();
	}

	/** The same tree without the measures given, as it is shown to those who may not see them. */
	public PlanTree without(Set<String> measureCodes) {
		return measureCodes.isEmpty() ? this : new PlanTree(this.plan, this.roots.stream().map((root) -> root.without(measureCodes)).toList());
	}

}
