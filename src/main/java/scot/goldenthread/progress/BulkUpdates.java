package scot.goldenthread.progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import scot.goldenthread.people.Access;
import scot.goldenthread.people.Account;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.Refused;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * A lead's updates of all their actions for a period at once, from one page or one workbook: each line goes
 * through the same checks and the same update cycle as one update alone. All or nothing, or, where the lead
 * chose, the good lines kept and each bad one named; a line changed meanwhile by someone else is refused
 * with whose version it is, never overwritten.
 */
@Service
public class BulkUpdates {

	private final Workload workload;

	private final ProgressUpdates updates;

	private final Access access;

	private final TransactionTemplate together;

	private final TransactionTemplate alone;

	BulkUpdates(Workload workload, ProgressUpdates updates, Access access, PlatformTransactionManager transactions) {
		this.workload = workload;
		this.updates = updates;
		this.access = access;
		this.together = new TransactionTemplate(transactions);
		this.alone = new TransactionTemplate(transactions);
		this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * One of the lead's actions in the period as the page or workbook starts it: its update so far or, with none,
	 * the published progress and assessment and no note.
	 */
	public record Line(Workload.Item item, ProgressUpdates.Draft start) {

		public PlanElement action() {
			return this.item.element();
		}

		/** Still the lead's to change: not submitted nor approved. */
		public boolean editable() {
			return this.item.owed();
		}

	}

	/** What a line says, as typed, with where it came from ("row 5" of a sheet, or the action's code). */
	public record Typed(long elementId, String where, ProgressUpdates.Draft draft) {
	}

	/** A line refused: where, which field ({@code progress}, {@code assessment}, {@code note}, or blank for the line), and why. */
	public record Problem(String where, long elementId, String field, String message) {
	}

	public record Outcome(int saved, int unchanged, List<Problem> problems, boolean kept) {
	}

	/** The actions the person signed in leads in the period, in the plan's order. */
	public List<Line> lines(ReportingPeriod period) {
		Account me = this.access.current().orElseThrow(() -> new AccessDeniedException("Sign in to update your actions"));
		return this.workload.of(me, this.workload.of(List.of(period))).stream().filter(Workload.Item::action).map(BulkUpdates::line).toList();
	}

	private static Line line(Workload.Item item) {
		Update update = item.update();
		if (update instanceof ProgressUpdate u) {
			return new Line(item, new ProgressUpdates.Draft(String.valueOf(u.progress()), Coded.codeOf(u.assessment()), u.note(), u.milestonesDone(),
					u.version(), Coded.codeOf(u.phase())));
		}
		PlanElement action = item.element();
		return new Line(item, new ProgressUpdates.Draft((action.progress() != null) ? String.valueOf(action.progress()) : "0",
				Coded.codeOf(action.assessment()), "", List.of(), null));
	}

	/**
	 * Saves each line that says something new as a draft or, with {@code submit}, for approval: all of them or
	 * none where any is refused, or with {@code acceptValid} each good one alone.
	 */
	public Outcome save(ReportingPeriod period, List<Typed> typed, boolean submit, boolean acceptValid) {
		Map<Long, Line> mine = new HashMap<>();
		lines(period).forEach((l) -> mine.put(l.item().elementId(), l));
		List<Problem> problems = new ArrayList<>();
		List<Typed> changed = new ArrayList<>();
		for (Typed t : typed) {
			Line line = mine.get(t.elementId());
			if (line == null) {
				problems.add(new Problem(t.where(), t.elementId(), "", "This is not one of your actions in " + period.name()));
			}
			else if (!same(line.start(), t.draft())) {
				// milestones and a project's phase are given on the action's own page; a line here keeps those given so far
				ProgressUpdates.Draft d = t.draft();
				changed.add(new Typed(t.elementId(), t.where(), new ProgressUpdates.Draft(d.progress(), d.assessment(), d.note(),
						line.start().milestonesDone(), d.version(), line.start().phase())));
			}
		}
		int[] saved = { 0 };
		if (acceptValid) {
			for (Typed t : changed) {
				this.alone.executeWithoutResult((tx) -> {
					if (saveOne(period, t, submit, problems)) {
						saved[0]++;
					}
					else {
						tx.setRollbackOnly();
					}
				});
			}
		}
		else if (problems.isEmpty()) {
			this.together.executeWithoutResult((tx) -> {
				changed.forEach((t) -> saved[0] += saveOne(period, t, submit, problems) ? 1 : 0);
				if (!problems.isEmpty()) {
					tx.setRollbackOnly();
				}
			});
		}
		boolean kept = acceptValid || problems.isEmpty();
		return new Outcome(kept ? saved[0] : 0, typed.size() - changed.size(), problems, kept);
	}

	private boolean saveOne(ReportingPeriod period, Typed t, boolean submit, List<Problem> problems) {
		try {
			this.updates.save(t.elementId(), period.id(), t.draft(), submit);
			return true;
		}
		catch (Refused ex) {
			ex.errors().forEach((field, message) -> problems.add(new Problem(t.where(), t.elementId(), field, message)));
		}
		catch (AccessDeniedException | ResponseStatusException ex) {
			problems.add(new Problem(t.where(), t.elementId(), "", "You may not update this action"));
		}
		return false;
	}

	/** A line left as it started says nothing new: it is not saved, nor checked. */
	private static boolean same(ProgressUpdates.Draft start, ProgressUpdates.Draft typed) {
		return Objects.equals(Commands.typed(start.progress()), Commands.typed(typed.progress())) && Objects.equals(Commands.typed(start.assessment()), Commands.typed(typed.assessment()))
				&& Objects.equals(Commands.typed(start.note()), Commands.typed(typed.note()));
	}

}
