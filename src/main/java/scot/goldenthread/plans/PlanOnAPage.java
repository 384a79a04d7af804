package scot.goldenthread.plans;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A plan on a page (seed 000, annex 2): the vision across the top, a column for each of the plan's
 * pillars (its highest level under the vision: strategic outcomes, themes or priorities), and a row for
 * every level under them, in the plan's order and words, however deep. Priority themes under a pillar are
 * named in its cell; anything else under the vision is listed after.
 */
public record PlanOnAPage(PlanTree tree, PlanElement vision, List<Column> columns, List<PlanLevels.Level> rows,
		List<PlanElement> others) {

	public static PlanOnAPage of(PlanTree tree) {
		PlanLevels levels = tree.plan().levels();
		List<PlanElement> roots = tree.roots();
		PlanElement vision = roots.stream().filter((e) -> e.kind() == ElementKind.VISION).findFirst().orElse(null);
		List<PlanElement> top = (vision != null) ? vision.children() : roots;
		ElementKind pillarKind = top.stream().map(PlanElement::kind).min(Comparator.comparingInt(levels::depth)).orElse(null);
		List<Column> columns = top.stream().filter((e) -> e.kind() == pillarKind).map(Column::of).toList();
		List<PlanElement> others = top.stream().filter((e) -> e.kind() != pillarKind).toList();
		List<PlanLevels.Level> rows = levels.levels().stream()
			.filter((level) -> level.kind() != ElementKind.VISION && level.kind() != ElementKind.PRIORITY_THEME && level.kind() != pillarKind)
			.filter((level) -> columns.stream().anyMatch((c) -> !c.row(level.kind()).isEmpty()))
			.toList();
		return new PlanOnAPage(tree, vision, columns, rows, others);
	}

	/** "2024-34", as the plan on a page names the plan's period. */
	public String period() {
		Plan plan = this.tree.plan();
		return plan.start().getYear() + "-" + String.format("%02d", plan.end().getYear() % 100);
	}

	public record Column(PlanElement pillar, List<PlanElement> themes, Map<ElementKind, List<PlanElement>> rows) {

		static Column of(PlanElement pillar) {
			List<PlanElement> below = pillar.flatten().subList(1, pillar.flatten().size());
			Map<ElementKind, List<PlanElement>> rows = Arrays.stream(ElementKind.values())
				.collect(Collectors.toMap(Function.identity(),
						(kind) -> below.stream().filter((e) -> e.kind() == kind).toList()));
			return new Column(pillar, rows.get(ElementKind.PRIORITY_THEME), rows);
		}

		public List<PlanElement> row(ElementKind kind) {
			return this.rows.get(kind);
		}

	}

}
