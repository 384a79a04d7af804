package scot.goldenthread.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import scot.goldenthread.people.Access;
import scot.goldenthread.people.Account;
import scot.goldenthread.people.Scope;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What each person owes in the open reporting periods, and what waits for them to approve. */
@Service
public class Workload {

	private final JdbcClient jdbc;

	private final PlanCatalogue plans;

	private final ProgressUpdates updates;

	private final Access access;

	Workload(JdbcClient jdbc, PlanCatalogue plans, ProgressUpdates updates, Access access) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.updates = updates;
		this.access = access;
	}

	/** An action to update in a period, with its update so far, if any. */
	public record Item(ReportingPeriod period, PlanTree tree, PlanElement action, ProgressUpdate update) {

		/** Still the lead's to do: nothing yet, a draft, or returned. */
		public boolean owed() {
			return this.update == null || this.update.state().editable();
		}

		public String stateLabel() {
			return (this.update == null) ? "Not started" : this.update.state().label();
		}

	}

	public List<ReportingPeriod> openPeriods(LocalDate today) {
		return this.jdbc.sql("select * from reporting_period where closed_at is null and opens_on <= ? and closes_on >= ? order by deadline, id")
			.params(today, today).query(ReportingPeriod.class).list();
	}

	/** The actions this person leads and may update in every open period, done or not. */
	public List<Item> of(Account account, LocalDate today) {
		return items(today, (tree, scope, action) -> account.isOneOf(action.leads())
				&& this.access.mayUpdate(account, scope, action.leads()));
	}

	/** Submitted updates in the plans the person signed in owns. */
	public List<Item> awaitingApproval(LocalDate today) {
		return items(today, (tree, scope, action) -> this.access.mayOwn(scope)).stream()
			.filter((item) -> item.update() != null && item.update().state() == UpdateState.SUBMITTED)
			.toList();
	}

	private interface Choice {

		boolean test(PlanTree tree, Scope scope, PlanElement action);

	}

	private List<Item> items(LocalDate today, Choice choice) {
		List<Item> items = new ArrayList<>();
		for (ReportingPeriod period : openPeriods(today)) {
			PlanTree tree = this.plans.tree(period.planId()).orElseThrow();
			Scope scope = this.plans.scopeOf(tree.plan());
			for (PlanElement action : tree.ofKind(ElementKind.ACTION)) {
				if (choice.test(tree, scope, action)) {
					items.add(new Item(period, tree, action, this.updates.update(action.id(), period.id()).orElse(null)));
				}
			}
		}
		return items;
	}

}
