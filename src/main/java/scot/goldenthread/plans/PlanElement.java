package scot.goldenthread.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import scot.goldenthread.measures.MeasureDefinition;

/** One element of a plan's tree with what hangs off it; its level is its kind in its plan's words. */
public record PlanElement(long id, long planId, Long parentId, String code, PlanLevels.Level level, String title,
		String shortTitle, String description, LocalDate start, LocalDate due, Integer progress,
		Assessment assessment, OwnerDecision ownerDecision, String latestNote, List<String> leads, List<String> keyPlans,
		List<String> programmes, List<String> partnerships, List<Alignment> alignedTo,
		List<MeasureDefinition> measures, List<PlanElement> children, String locality, String startWritten, String dueWritten,
		Prevention prevention, ImprovementProject project) {

	/** The start as the plan wrote it ("March 2025"), or its day. */
	public String startText() {
		return WrittenDate.text(this.startWritten, this.start);
	}

	/** The due date as the plan wrote it ("by 2026"), or its day. */
	public String dueText() {
		return WrittenDate.text(this.dueWritten, this.due);
	}

	public ElementKind kind() {
		return this.level.kind();
	}

	/** The wording for a plan on a page: the short title where the plan gives one. */
	public String headline() {
		return (this.shortTitle != null) ? this.shortTitle : this.title;
	}

	/** The expected outcome people have stated for it: the plan owner's decision where made, else the lead's approved assessment. */
	public ExpectedOutcome statedOutcome() {
		return (this.ownerDecision != null) ? this.ownerDecision.outcome() : (this.assessment != null) ? this.assessment.outcome() : null;
	}

	/** This element and everything under it without the measures given. */
	PlanElement without(Set<String> measureCodes) {
		return new PlanElement(this.id, this.planId, this.parentId, this.code, this.level, this.title, this.shortTitle, this.description,
				this.start, this.due, this.progress, this.assessment, this.ownerDecision, this.latestNote, this.leads, this.keyPlans,
				this.programmes, this.partnerships, this.alignedTo,
				this.measures.stream().filter((m) -> !measureCodes.contains(m.code())).toList(),
				this.children.stream().map((child) -> child.without(measureCodes)).toList(), this.locality, this.startWritten, this.dueWritten,
				this.prevention, this.project);
	}

	public List<PlanElement> children(ElementKind kind) {
		return this.children.stream().filter((child) -> child.kind() == kind).toList();
	}

	/** This element and everything under it, depth first. */
	public List<PlanElement> flatten() {
		List<PlanElement> all = new ArrayList<>();
		all.add(this);
		this.children.forEach((child) -> all.addAll(child.flatten()));
		return all;
	}

	/**
	 * What an element serves: another plan's element or a national outcome; {@code reference} is how the
	 * plan file names it ("LOIP-2024-34/WB" or "NPF/health").
	 */
	public record Alignment(String reference, Long elementId, Long planId, String planCode, String planTitle,
			String kindLabel, String title, String nationalOutcomeCode) {

		public boolean national() {
			return this.nationalOutcomeCode != null;
		}

	}

}
