package scot.goldenthread.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.Function;
import java.util.stream.Collectors;

import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.MeasureDefinition;
import scot.goldenthread.people.Access;
import scot.goldenthread.people.Account;
import scot.goldenthread.people.Scope;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What each person owes in the open reporting periods, actions and measures, and what waits for them to approve. */
@Service
public class Workload {

	private final JdbcClient jdbc;

	private final PlanCatalogue plans;

	private final MeasureCatalogue measures;

	private final ProgressUpdates updates;

	private final MeasureUpdates measureUpdates;

	private final Access access;

	Workload(JdbcClient jdbc, PlanCatalogue plans, MeasureCatalogue measures, ProgressUpdates updates, MeasureUpdates measureUpdates,
			Access access) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.measures = measures;
		this.updates = updates;
		this.measureUpdates = measureUpdates;
		this.access = access;
	}

	/**
	 * An action (its {@code element}) or a measure to update in a period ({@code link} is its update page), with its
	 * update so far, if any, and who may update it: the leads, in the plan's scope.
	 */
	public record Item(ReportingPeriod period, PlanTree tree, PlanElement element, String code, String title, String link, Update update,
			Scope scope, List<String> leads) {

		public boolean action() {
			return this.element != null;
		}

		public long elementId() {
			return this.element.id();
		}

		/** Still the lead's to do: nothing yet, a draft, or returned. */
		public boolean owed() {
			return this.update == null || this.update.state().editable();
		}

		/** Where it stands: not begun, or its update's state. */
		public String stateLabel() {
			return (this.update == null) ? NOT_BEGUN : this.update.state().label();
		}

		public String stateCode() {
			return (this.update == null) ? "not-begun" : this.update.state().code();
		}

	}

	/** An item with no update yet: never "not started", which is what a lead may say of the work itself. */
	public static final String NOT_BEGUN = "Not begun";

	public List<ReportingPeriod> openPeriods(LocalDate today) {
		return this.jdbc.sql("select * from reporting_period where closed_at is null and opens_on <= ? and closes_on >= ? order by deadline, id")
			.params(today, today).query(ReportingPeriod.class).list();
	}

	/** Of the {@link #open} items, those this person leads and may update, done or not. */
	public List<Item> of(Account account, List<Item> open) {
		Predicate<Collection<String>> leads = this.access.leads(account);
		List<Item> theirs = open.stream().filter((i) -> leads.test(i.leads())).toList();
		// grants are read again only for someone who leads something here
		BiPredicate<Scope, Collection<String>> mayUpdate = theirs.isEmpty() ? null : this.access.mayUpdate(account);
		return theirs.stream().filter((i) -> mayUpdate.test(i.scope(), i.leads())).toList();
	}

	/** Of the {@link #open} items, those submitted in the plans the person signed in owns. */
	public List<Item> awaitingApproval(List<Item> open) {
		return open.stream()
			.filter((i) -> i.update() != null && i.update().state() == UpdateState.SUBMITTED && this.access.mayOwn(i.scope()))
			.toList();
	}

	/** Every action and measure to update in the open reporting periods, read once for everyone asking of them. */
	public List<Item> open(LocalDate today) {
		return of(openPeriods(today));
	}

	/** Every action and measure to update in the periods, each plan and the measures read once. */
	public List<Item> of(List<ReportingPeriod> periods) {
		List<Item> items = new ArrayList<>();
		Map<String, Measure> measuresByCode = null;
		Map<Long, PlanTree> trees = new HashMap<>();
		for (ReportingPeriod period : periods) {
			PlanTree tree = trees.computeIfAbsent(period.planId(), (id) -> this.plans.tree(id).orElseThrow());
			Scope scope = this.plans.scopeOf(tree.plan());
			Map<Long, ProgressUpdate> actionUpdates = this.updates.ofPeriod(period.id());
			for (PlanElement action : tree.ofKind(ElementKind.ACTION)) {
				items.add(new Item(period, tree, action, action.code(), action.title(),
						"/plans/" + tree.plan().id() + "/elements/" + action.id() + "/update?period=" + period.id(),
						actionUpdates.get(action.id()), scope, action.leads()));
			}
			Set<String> used = tree.elements().stream().flatMap((e) -> e.measures().stream()).map(MeasureDefinition::code)
				.collect(Collectors.toCollection(LinkedHashSet::new));
			if (!used.isEmpty() && measuresByCode == null) {
				measuresByCode = this.measures.measures().stream().collect(Collectors.toMap(Measure::code, Function.identity()));
			}
			Map<String, MeasureUpdate> measureUpdates = used.isEmpty() ? Map.of() : this.measureUpdates.ofPeriod(period.id());
			for (String code : used) {
				Measure measure = measuresByCode.get(code);
				if (measure.gap() == null) {
					items.add(new Item(period, tree, null, code, measure.title(), "/measures/" + code + "/update?period=" + period.id(),
							measureUpdates.get(code), scope, MeasureUpdates.leads(measure)));
				}
			}
		}
		return items;
	}

}
