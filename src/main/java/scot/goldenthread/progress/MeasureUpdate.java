package scot.goldenthread.progress;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A lead's value for a measure in a reporting period, with the story behind it. */
public record MeasureUpdate(long id, String measureCode, long periodId, String periodName, String measurePeriod, BigDecimal value,
		String valueStatus, String commentary, @JsonUnwrapped Workflow workflow) implements Update {
}
