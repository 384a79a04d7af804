package scot.goldenthread.progress;

import java.time.OffsetDateTime;
import java.util.List;

import scot.goldenthread.plans.ExpectedOutcome;

/** A lead's update of an action for a reporting period. */
public record ProgressUpdate(long id, long elementId, long periodId, String periodName, int progress,
		ExpectedOutcome assessment, String note, List<Long> milestonesDone, UpdateState state, String reviewComment,
		String writtenBy, OffsetDateTime writtenAt, OffsetDateTime submittedAt, String reviewedBy, OffsetDateTime reviewedAt,
		int version) implements Update {
}
