package scot.goldenthread.progress;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A lead's value for a measure in a reporting period, with the story behind it. */
public record MeasureUpdate(long id, String measureCode, long periodId, String periodName, String measurePeriod,
		BigDecimal value, String valueStatus, String commentary, UpdateState state, String reviewComment, String writtenBy,
		OffsetDateTime writtenAt, OffsetDateTime submittedAt, String reviewedBy, OffsetDateTime reviewedAt, int version)
		implements Update {
}
