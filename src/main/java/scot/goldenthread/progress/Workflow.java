package scot.goldenthread.progress;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Where an update stands on its way from its lead to the public, the same for an action's and a measure's,
 * and the only ways it moves on: the lead saves a draft or submits it, and an owner approves or returns a
 * submitted one, each on top of the version they saw. Each move answers the workflow as it now is, or is
 * refused with the reason; none reads a clock or a database.
 */
public record Workflow(UpdateState state, String reviewComment, String writtenBy, OffsetDateTime writtenAt,
		OffsetDateTime submittedAt, String reviewedBy, OffsetDateTime reviewedAt, int version) {

	static final int MAX_TEXT = 10_000;

	/** The first save of an update, by its lead; {@code seen} is null, as nothing was there to see. */
	static Workflow begun(Integer seen, boolean submit, String writer, OffsetDateTime now) {
		checkVersion(Optional.empty(), seen);
		return new Workflow(submit ? UpdateState.SUBMITTED : UpdateState.DRAFT, null, writer, now, submit ? now : null, null, null, 0);
	}

	/** The lead changes a draft or a returned update; a submitted or approved one is no longer theirs to change. */
	Workflow saved(Integer seen, boolean submit, String writer, OffsetDateTime now) {
		if (!this.state.editable()) {
			throw new UpdateRefused("", "This update is " + this.state.label().toLowerCase()
					+ ((this.state == UpdateState.SUBMITTED) ? ": ask the plan owner to return it if it needs to change" : " and published"));
		}
		checkVersion(Optional.of(this), seen);
		return new Workflow(submit ? UpdateState.SUBMITTED : UpdateState.DRAFT, this.reviewComment, writer, now, submit ? now : null,
				this.reviewedBy, this.reviewedAt, this.version + 1);
	}

	Workflow approved(int seen, String reviewer, OffsetDateTime now) {
		return reviewed(seen, UpdateState.APPROVED, null, reviewer, now);
	}

	/** Returned to the lead, with what needs to change. */
	Workflow returned(int seen, String comment, String reviewer, OffsetDateTime now) {
		if (comment == null || comment.isBlank()) {
			throw new UpdateRefused("comment", "Say what needs to change before returning the update");
		}
		if (comment.length() > MAX_TEXT) {
			throw new UpdateRefused("comment", "The comment must be " + MAX_TEXT + " characters or fewer");
		}
		return reviewed(seen, UpdateState.RETURNED, comment.strip(), reviewer, now);
	}

	private Workflow reviewed(int seen, UpdateState decision, String comment, String reviewer, OffsetDateTime now) {
		if (this.state != UpdateState.SUBMITTED) {
			throw new UpdateRefused("", "Only a submitted update can be approved or returned; this one is " + this.state.label().toLowerCase());
		}
		checkVersion(Optional.of(this), seen);
		return new Workflow(decision, comment, this.writtenBy, this.writtenAt, this.submittedAt, reviewer, now, this.version + 1);
	}

	/** Only an open period takes updates and reviews: closing one locks it. */
	static void requireOpen(ReportingPeriod period, LocalDate today) {
		if (!period.open(today)) {
			throw new UpdateRefused("", period.closed(today) ? "The reporting period " + period.name() + " is closed: its updates can no longer change"
					: "The reporting period " + period.name() + " opens on " + period.opensOn());
		}
	}

	/** Refuses a change made on top of a version other than the one stored: never a silent overwrite. */
	static void checkVersion(Optional<Workflow> current, Integer seen) {
		boolean same = current.map((w) -> seen != null && w.version() == seen).orElse(seen == null);
		if (!same) {
			throw new UpdateConflict(current.map((w) -> w.writtenBy() + " changed this update (" + w.state().label().toLowerCase()
					+ ") after you opened it, so your changes were not saved. Their version is shown; make your changes again on top of it.")
				.orElse("The update you opened no longer exists; start again."));
		}
	}

}
