package scot.goldenthread.progress;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The rules every update keeps, of an action or of a measure, so both keep the same ones. */
final class Cycle {

	static final int MAX_TEXT = 10_000;

	private Cycle() {
	}

	/** Only an open period takes updates and reviews: closing one locks it. */
	static void requireOpen(ReportingPeriod period) {
		LocalDate today = LocalDate.now();
		if (!period.open(today)) {
			throw new UpdateRefused("", period.closed(today) ? "The reporting period " + period.name() + " is closed: its updates can no longer change"
					: "The reporting period " + period.name() + " opens on " + period.opensOn());
		}
	}

	/** The lead may change a draft or a returned update; a submitted or approved one is no longer theirs to change. */
	static void requireEditable(Optional<? extends Update> before) {
		before.ifPresent((b) -> {
			if (!b.state().editable()) {
				throw new UpdateRefused("", "This update is " + b.state().label().toLowerCase()
						+ ((b.state() == UpdateState.SUBMITTED) ? ": ask the plan owner to return it if it needs to change" : " and published"));
			}
		});
	}

	static void requireSubmitted(Update update) {
		if (update.state() != UpdateState.SUBMITTED) {
			throw new UpdateRefused("", "Only a submitted update can be approved or returned; this one is " + update.state().label().toLowerCase());
		}
	}

	/** Refuses a save or review made on top of a version other than the one stored: never a silent overwrite. */
	static void checkVersion(Optional<? extends Update> current, Integer seen) {
		boolean same = current.map((u) -> seen != null && u.version() == seen).orElse(seen == null);
		if (!same) {
			throw new UpdateConflict(current.map((u) -> u.writtenBy() + " changed this update (" + u.state().label().toLowerCase()
					+ ") after you opened it, so your changes were not saved. Their version is shown; make your changes again on top of it.")
				.orElse("The update you opened no longer exists; start again."));
		}
	}

	/**
	 * Records an owner's decision on a submitted update in {@code table} (progress_update or
	 * measure_update), on top of the version the owner saw, and answers the update as it now stands.
	 */
	static <U extends Update> U review(JdbcClient jdbc, String table, long id, int version, UpdateState decision, String comment,
			String reviewer, Supplier<U> reread) {
		int saved = jdbc.sql("update " + table + """
				 set state = ?, review_comment = ?, reviewed_by = ?, reviewed_at = now(), version = version + 1
				where id = ? and version = ?""")
			.params(decision.code(), comment, reviewer, id, version).update();
		U after = reread.get();
		if (saved == 0) {
			// someone else changed it between our read and our write
			checkVersion(Optional.of(after), version);
		}
		return after;
	}

	static String reviewComment(String comment) {
		if (comment == null || comment.isBlank()) {
			throw new UpdateRefused("comment", "Say what needs to change before returning the update");
		}
		if (comment.length() > MAX_TEXT) {
			throw new UpdateRefused("comment", "The comment must be " + MAX_TEXT + " characters or fewer");
		}
		return comment.strip();
	}

}
