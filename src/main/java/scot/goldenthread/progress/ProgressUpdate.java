package scot.goldenthread.progress;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import scot.goldenthread.plans.Assessment;
import scot.goldenthread.plans.ImprovementProject;

/** A lead's update of an action for a reporting period; {@code phase} is where an improvement project has got to, if it says. */
public record ProgressUpdate(long id, long elementId, long periodId, String periodName, int progress, Assessment assessment,
		String note, List<Long> milestonesDone, ImprovementProject.Phase phase, @JsonUnwrapped Workflow workflow) implements Update {
}
