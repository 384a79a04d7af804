package scot.goldenthread.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import scot.goldenthread.partnerships.Partner;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.people.Access;
import scot.goldenthread.people.Account;
import scot.goldenthread.people.Accounts;
import scot.goldenthread.plans.ActionStatus;
import scot.goldenthread.plans.ActionStatuses;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.shared.NotFound;

import org.springframework.stereotype.Service;

/**
 * The plan owner's cockpit for a reporting period: every action and measure due, who owes it and where it
 * stands, completion by lead, by partner and for the plan, the updates waiting for review, the actions whose
 * lead and worked-out status disagree, and each lead's and partner's record of updates on time, late or
 * missing over the periods before.
 */
@Service
public class Cockpit {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

	/** How many past periods the engagement record looks back over. */
	static final int RECORD_PERIODS = 4;

	private final Workload workload;

	private final ProgressUpdates updates;

	private final PlanCatalogue plans;

	private final ActionStatuses statuses;

	private final Accounts accounts;

	private final PartnershipDirectory partnerships;

	private final Access access;

	private final Reminders reminders;

	private final Clock clock;

	Cockpit(Workload workload, ProgressUpdates updates, PlanCatalogue plans, ActionStatuses statuses, Accounts accounts,
			PartnershipDirectory partnerships, Access access, Reminders reminders, Clock clock) {
		this.workload = workload;
		this.updates = updates;
		this.plans = plans;
		this.statuses = statuses;
		this.accounts = accounts;
		this.partnerships = partnerships;
		this.access = access;
		this.reminders = reminders;
		this.clock = clock;
	}

	/** An item due, the partner its leads work for, and how it stands against the deadline in words. */
	public record Row(Workload.Item item, String partner, String timing, boolean late) {

		public String kind() {
			return this.item.action() ? "Action" : "Measure";
		}

	}

	/** Of {@code due} items, how many are approved, submitted and still owed. */
	public record Tally(String name, int due, int approved, int submitted, int owed) {

		public int percent() {
			return (this.due == 0) ? 0 : Math.round(100f * this.approved / this.due);
		}

	}

	/** Updates submitted by the deadline, after it, or never, over the periods before. */
	public record Record(String name, int onTime, int late, int missing) {
	}

	public record Disagreement(PlanElement action, ActionStatus.Status status) {
	}

	/** What the owner narrows the list to; blank is all. {@code state} is a state's code or "not-begun". */
	public record Filter(String lead, String state, String kind) {

		boolean test(Row row) {
			return (blank(this.lead) || row.item().leads().contains(this.lead)) && (blank(this.state) || row.item().stateCode().equals(this.state))
					&& (blank(this.kind) || row.kind().equalsIgnoreCase(this.kind));
		}

	}

	public record View(Plan plan, List<ReportingPeriod> periods, ReportingPeriod period, List<Row> rows, List<Row> shown, List<Row> waiting,
			Tally whole, List<Tally> byLead, List<Tally> byPartner, List<Record> leadRecords, List<Record> partnerRecords,
			List<String> recordPeriods, List<Disagreement> disagreements, List<Reminders.Sent> reminders, List<String> leads) {
	}

	/** A period of the plan, to its owners only: what is approved and reminded from the cockpit is of it. */
	public ReportingPeriod period(long planId, long periodId) {
		Plan plan = this.plans.plan(planId).orElseThrow(() -> NotFound.because("There is no such plan"));
		this.access.require(this.access.mayOwn(this.plans.scopeOf(plan)));
		ReportingPeriod period = this.updates.period(periodId);
		if (period.planId() != planId) {
			throw NotFound.because("There is no such reporting period in this plan");
		}
		return period;
	}

	/** The plan's owners' view of the period chosen, or of the open one, or the latest. */
	public View of(long planId, Long periodId, Filter filter) {
		PlanTree tree = this.plans.tree(planId).orElseThrow(() -> NotFound.because("There is no such plan"));
		this.access.require(this.access.mayOwn(this.plans.scopeOf(tree.plan())));
		LocalDate today = LocalDate.now(this.clock);
		List<ReportingPeriod> periods = this.updates.periods(planId);
		ReportingPeriod period = (periodId != null)
				? periods.stream().filter((p) -> p.id() == periodId).findFirst().orElseThrow(() -> NotFound.because("There is no such reporting period in this plan"))
				: periods.stream().filter((p) -> p.open(today)).findFirst().orElse(periods.isEmpty() ? null : periods.get(periods.size() - 1));
		List<Disagreement> disagreements = disagreements(tree);
		if (period == null) {
			return new View(tree.plan(), periods, null, List.of(), List.of(), List.of(), new Tally("The plan", 0, 0, 0, 0), List.of(), List.of(),
					List.of(), List.of(), List.of(), disagreements, List.of(), List.of());
		}
		List<ReportingPeriod> before = periods.stream().filter((p) -> p.deadline().isBefore(period.deadline()) && p.deadline().isBefore(today))
			.sorted(Comparator.comparing(ReportingPeriod::deadline).reversed()).limit(RECORD_PERIODS).toList();
		List<ReportingPeriod> read = new ArrayList<>(before);
		read.add(0, period);
		Map<Long, List<Workload.Item>> items = this.workload.of(read).stream()
			.collect(Collectors.groupingBy((i) -> i.period().id(), LinkedHashMap::new, Collectors.toList()));
		Function<String, String> partnerOf = partners();
		List<Row> rows = items.getOrDefault(period.id(), List.of()).stream().map((i) -> row(i, partnerOf, today)).toList();
		List<Row> past = before.stream().flatMap((p) -> items.getOrDefault(p.id(), List.of()).stream()).map((i) -> row(i, partnerOf, today))
			.toList();
		return new View(tree.plan(), periods, period, rows, rows.stream().filter(filter::test).toList(),
				rows.stream().filter((r) -> r.item().update() != null && r.item().update().state() == UpdateState.SUBMITTED).toList(),
				tally("The plan", rows), tallies(rows, (r) -> leadsOf(r.item())), tallies(rows, (r) -> List.of(r.partner())),
				records(past, (r) -> leadsOf(r.item())), records(past, (r) -> List.of(r.partner())), before.stream().map(ReportingPeriod::name).toList(),
				disagreements, this.reminders.sent(period), rows.stream().flatMap((r) -> r.item().leads().stream()).distinct().sorted().toList());
	}

	private List<Disagreement> disagreements(PlanTree tree) {
		ActionStatuses.Judged judged = this.statuses.of(tree);
		return tree.ofKind(ElementKind.ACTION).stream().filter((a) -> judged.of(a).disagrees()).map((a) -> new Disagreement(a, judged.of(a)))
			.toList();
	}

	/** The partner each lead works for, by the accounts that are that lead; leads with none are said to have none. */
	private Function<String, String> partners() {
		Map<Long, String> names = this.partnerships.partners().stream().collect(Collectors.toMap(Partner::id, Partner::name));
		List<Account> people = this.accounts.all();
		Map<String, String> byLead = new LinkedHashMap<>();
		return (lead) -> byLead.computeIfAbsent(lead, (l) -> people.stream().filter((a) -> a.isOneOf(List.of(l)) && a.partnerId() != null)
			.map((a) -> names.get(a.partnerId())).filter(Objects::nonNull).findFirst().orElse("No partner on record"));
	}

	private static Row row(Workload.Item item, Function<String, String> partnerOf, LocalDate today) {
		String partners = item.leads().stream().map(partnerOf).distinct().collect(Collectors.joining("; "));
		String partner = partners.isEmpty() ? "No lead" : partners;
		LocalDate deadline = item.period().deadline();
		Update update = item.update();
		if (update != null && update.submittedAt() != null && !item.owed()) {
			long late = ChronoUnit.DAYS.between(deadline, update.submittedAt().toLocalDate());
			return new Row(item, partner,
					"Submitted " + DAY.format(update.submittedAt().toLocalDate()) + ((late > 0) ? ", " + days(late) + " late" : ", on time"), late > 0);
		}
		long left = ChronoUnit.DAYS.between(today, deadline);
		String timing = (left > 0) ? "Due in " + days(left) : (left == 0) ? "Due today" : days(-left) + " late";
		return new Row(item, partner, timing, left < 0);
	}

	private static String days(long n) {
		return n + ((n == 1) ? " day" : " days");
	}

	private static List<String> leadsOf(Workload.Item item) {
		return item.leads().isEmpty() ? List.of("No lead") : item.leads();
	}

	private static Tally tally(String name, List<Row> rows) {
		return new Tally(name, rows.size(), count(rows, UpdateState.APPROVED), count(rows, UpdateState.SUBMITTED),
				(int) rows.stream().filter((r) -> r.item().owed()).count());
	}

	private static int count(List<Row> rows, UpdateState state) {
		return (int) rows.stream().filter((r) -> r.item().update() != null && r.item().update().state() == state).count();
	}

	private static List<Tally> tallies(List<Row> rows, Function<Row, List<String>> by) {
		Map<String, List<Row>> groups = new LinkedHashMap<>();
		rows.forEach((r) -> by.apply(r).forEach((name) -> groups.computeIfAbsent(name, (k) -> new ArrayList<>()).add(r)));
		return groups.entrySet().stream().map((e) -> tally(e.getKey(), e.getValue())).sorted(Comparator.comparing(Tally::name)).toList();
	}

	/** Each past update: on time if submitted by its deadline, late if after, missing if never. */
	private static List<Record> records(List<Row> past, Function<Row, List<String>> by) {
		Map<String, int[]> counts = new LinkedHashMap<>();
		for (Row r : past) {
			var submitted = (r.item().update() != null) ? r.item().update().submittedAt() : null;
			int which = (submitted == null) ? 2 : submitted.toLocalDate().isAfter(r.item().period().deadline()) ? 1 : 0;
			by.apply(r).forEach((name) -> counts.computeIfAbsent(name, (k) -> new int[3])[which]++);
		}
		return counts.entrySet().stream().map((e) -> new Record(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
			.sorted(Comparator.comparing(Record::name)).toList();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
