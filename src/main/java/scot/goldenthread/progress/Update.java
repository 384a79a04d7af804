package scot.goldenthread.progress;

import java.time.OffsetDateTime;

/** An update for a reporting period, of an action or of a measure: what it carries, and where it stands in the one workflow. */
public interface Update {

	long id();

	long periodId();

	Workflow workflow();

	default UpdateState state() {
		return workflow().state();
	}

	default String reviewComment() {
		return workflow().reviewComment();
	}

	default String writtenBy() {
		return workflow().writtenBy();
	}

	default OffsetDateTime writtenAt() {
		return workflow().writtenAt();
	}

	default OffsetDateTime submittedAt() {
		return workflow().submittedAt();
	}

	default String reviewedBy() {
		return workflow().reviewedBy();
	}

	default OffsetDateTime reviewedAt() {
		return workflow().reviewedAt();
	}

	default int version() {
		return workflow().version();
	}

}
