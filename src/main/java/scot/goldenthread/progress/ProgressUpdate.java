package scot.goldenthread.progress;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import scot.goldenthread.plans.Assessment;

/** A lead's update of an action for a reporting period. */
public record ProgressUpdate(long id, long elementId, long periodId, String periodName, int progress, Assessment assessment,
		String note, List<Long> milestonesDone, @JsonUnwrapped Workflow workflow) implements Update {
}
