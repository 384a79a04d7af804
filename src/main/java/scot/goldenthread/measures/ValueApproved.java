package scot.goldenthread.measures;

import java.math.BigDecimal;

/**
 * A lead's value for a measure, approved by the owner of a plan that uses it: the value joins the measure's
 * series for its area (a changed one as a revision, one far outside its history held for confirmation) and
 * the commentary its story. The update cycle publishes it; measures store it, or refuse it with
 * {@link ObservationImportException}, in the approval's own transaction.
 */
public record ValueApproved(String source, Measure measure, Period period, BigDecimal value, String valueStatus, String note,
		String commentary, String writtenBy) {
}
