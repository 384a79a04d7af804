package scot.goldenthread.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.people.Access;
import scot.goldenthread.people.Scope;
import scot.goldenthread.shared.Commands;

import org.springframework.transaction.annotation.Transactional;

/**
 * The update cycle, the same for every kind of update: the lead saves a draft or submits it, the plan's
 * owner approves it or returns it with a comment, each in an open reporting period and on top of the version
 * they saw, and every move is checked for who may make it and recorded in the audit trail. A kind of update
 * (an action's, a measure's) says only what differs: what it is of, what it carries, how that is checked
 * and stored, and what approval does.
 *
 * @param <T> what is updated, in a plan
 * @param <U> the update as stored
 * @param <D> what a form or API call sends, as typed
 * @param <C> what it carries once checked
 */
public abstract class UpdateCycle<T extends UpdateCycle.Subject, U extends Update, D, C> {

	/** What is updated, where it lives and who leads it. */
	public interface Subject {

		Scope scope();

		List<String> leads();

		/** Such as "update of PPL 22 01", for the audit trail. */
		String describe(ReportingPeriod period);

	}

	final UpdateRepository repository;

	final Access access;

	final AuditLog audit;

	final Commands commands;

	final Clock clock;

	UpdateCycle(UpdateRepository repository, Access access, AuditLog audit, Commands commands, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.audit = audit;
		this.commands = commands;
		this.clock = clock;
	}

	public boolean mayUpdate(T subject) {
		return this.access.mayUpdate(subject.scope(), subject.leads());
	}

	public boolean mayReview(T subject) {
		return this.access.mayOwn(subject.scope());
	}

	/** The name this kind of update has in the audit trail. */
	abstract String entityType();

	/** The reporting period {@code periodId} of the subject's plan. */
	abstract ReportingPeriod period(T subject, long periodId);

	abstract Optional<U> find(T subject, long periodId);

	abstract U find(long updateId);

	abstract T subjectOf(U update);

	/** Checks what was sent ({@link Commands}), refusing it with a message for each field that is wrong. */
	abstract C check(T subject, D draft);

	/** Stores a new update, or answers false where another was stored for the subject in the period first. */
	abstract boolean insert(T subject, long periodId, C content, Workflow workflow);

	/** Stores the update's new content and workflow, or answers false where its version is no longer {@code before}'s. */
	abstract boolean save(U before, C content, Workflow workflow);

	/** What an approval does beyond the update itself: publishing what it says. */
	abstract void approved(T subject, ReportingPeriod period, U update);

	/** Saves the lead's update as a draft or, with {@code submit}, for approval; {@code seen} is the version the lead saw. */
	U save(T subject, long periodId, D draft, Integer seen, boolean submit) {
		this.access.require(mayUpdate(subject));
		ReportingPeriod period = period(subject, periodId);
		Workflow.requireOpen(period, today());
		Optional<U> before = find(subject, periodId);
		Workflow workflow = before.map((b) -> b.workflow().saved(seen, submit, this.audit.actor(), now()))
			.orElseGet(() -> Workflow.begun(seen, submit, this.audit.actor(), now()));
		C content = check(subject, draft);
		boolean written = before.map((b) -> save(b, content, workflow)).orElseGet(() -> insert(subject, periodId, content, workflow));
		if (!written) {
			// someone else saved between our read and our write
			Workflow.checkVersion(find(subject, periodId).map(Update::workflow), seen);
		}
		U after = find(subject, periodId).orElseThrow();
		this.audit.updated(entityType(), after.id(), (submit ? "Submitted" : "Saved a draft of") + " the " + subject.describe(period),
				before.orElse(null), after);
		return after;
	}

	/** The plan's owner approves a submitted update, on top of the version they saw. */
	@Transactional
	public U approve(long updateId, int seen) {
		return review(updateId, true, seen, null);
	}

	/** The plan's owner returns a submitted update to its lead with what needs to change. */
	@Transactional
	public U returnForChanges(long updateId, int seen, String comment) {
		return review(updateId, false, seen, comment);
	}

	private U review(long updateId, boolean approve, int seen, String comment) {
		U before = find(updateId);
		T subject = subjectOf(before);
		this.access.require(mayReview(subject));
		ReportingPeriod period = period(subject, before.periodId());
		Workflow.requireOpen(period, today());
		Workflow workflow = approve ? before.workflow().approved(seen, this.audit.actor(), now())
				: before.workflow().returned(seen, comment, this.audit.actor(), now());
		if (!this.repository.save(updateId, before.version(), workflow)) {
			// someone else changed it between our read and our write
			Workflow.checkVersion(Optional.of(find(updateId).workflow()), seen);
		}
		U after = find(updateId);
		this.audit.updated(entityType(), updateId, (approve ? "Approved" : "Returned") + " the " + subject.describe(period), before, after);
		if (approve) {
			approved(subject, period, after);
		}
		return after;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

}
