package scot.goldenthread.progress;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import scot.goldenthread.plans.ReportingPositions;

/** A round of updates to a plan, such as "Interim update December 2022". */
public record ReportingPeriod(long id, long planId, String name, LocalDate opensOn, LocalDate deadline, LocalDate closesOn,
		OffsetDateTime closedAt, String closedBy) {

	/** Updates can be written, submitted and approved: opened, and neither closed by an owner nor past its close. */
	public boolean open(LocalDate today) {
		return this.closedAt == null && !today.isBefore(this.opensOn) && !today.isAfter(this.closesOn);
	}

	/** The period as a status is judged as at it. */
	public ReportingPositions.Period position() {
		return new ReportingPositions.Period(this.id, this.name, this.deadline);
	}

	public boolean closed(LocalDate today) {
		return this.closedAt != null || today.isAfter(this.closesOn);
	}

}
