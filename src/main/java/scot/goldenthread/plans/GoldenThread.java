package scot.goldenthread.plans;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import scot.goldenthread.nationaloutcomes.NationalOutcome;
import scot.goldenthread.people.Access;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Follows the golden thread. Up from an element: its parents in its own plan and, through alignments,
 * the elements of other plans it serves and theirs, to the national outcomes. Down: everything under it
 * and everything aligned to it or to anything under it, in every plan.
 */
@Service
public class GoldenThread {

	/** Each step of the thread: from a child to its parent, and from an element to what it serves. */
	private static final String EDGES = """
			with recursive edges (lower, upper) as (
			    select id, parent_id from plan_element where parent_id is not null and withdrawn_in is null
			    union all
			    select element_id, target_element_id from alignment where target_element_id is not null
			),
			""";

	/**
	 * Partnership plans before the plans beneath them; elements in their plan's order, with their depth and, where
	 * {@code found} says so, the title of the element through which each serves.
	 */
	private static final String ORDERED = """
			tree (id, path) as (
			    select id, array[position] from plan_element where parent_id is null
			    union all
			    select e.id, t.path || e.position from tree t join plan_element e on e.parent_id = t.id
			)
			select e.id, p.id, p.code, p.title, e.code, e.kind, e.title, cardinality(t.path) - 1, e.progress, p.status, u.title,
			       l.name, l.plural
			from found f join plan_element e on e.id = f.id join plan p on p.id = e.plan_id join tree t on t.id = e.id
			left join plan_element u on u.id = f.through left join plan_level l on l.plan_id = p.id and l.kind = e.kind
			where e.id <> all(?) and e.withdrawn_in is null
			order by array_position(array['loip', 'locality-plan', 'thematic-plan', 'business-plan', 'strategy'], p.type),
			         p.start_date, p.id, t.path
			""";

	private final JdbcClient jdbc;

	private final PlanCatalogue plans;

	private final Access access;

	private final ActionStatuses statuses;

	GoldenThread(JdbcClient jdbc, PlanCatalogue plans, Access access, ActionStatuses statuses) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.access = access;
		this.statuses = statuses;
	}

	/** The element and everything it serves, in its own plan and others. */
	private static final String UP = EDGES + """
			found (id, through) as (
			    select cast(? as bigint), cast(null as bigint) union select e.upper, null from found f join edges e on e.lower = f.id
			)
			""";

	/** What the element serves: every plan element above it, grouped by plan. */
	public List<PlanGroup> up(long elementId) {
		return judged(found(UP + "," + ORDERED, elementId, new Long[] { elementId }));
	}

	/**
	 * The national outcomes the element serves, directly or through anything above it, each with the titles of the
	 * elements aligned to it on the way (none where the element itself is).
	 */
	public List<ServedOutcome> nationalOutcomes(long elementId) {
		return this.jdbc.sql(UP + """
				select n.code, n.name, n.statement,
				       string_agg(distinct e.title, '; ') filter (where e.id <> ?), bool_or(e.id = ?)
				from alignment a join national_outcome n on n.code = a.national_outcome_code join plan_element e on e.id = a.element_id
				where a.element_id in (select id from found) group by n.code, n.name, n.statement, n.position order by n.position""")
			.params(elementId, elementId, elementId)
			.query((rs, row) -> new ServedOutcome(new NationalOutcome(rs.getString(1), rs.getString(2), rs.getString(3)),
					rs.getBoolean(5) ? null : rs.getString(4)))
			.list();
	}

	/** A national outcome an element serves, and the element through which it does, if not directly. */
	public record ServedOutcome(@JsonUnwrapped NationalOutcome outcome, String through) {
	}

	/** Everything that serves the element: under it in its plan, or aligned to it in any plan. */
	public List<PlanGroup> down(long elementId) {
		return judged(found(EDGES + """
				found (id, through) as (
				    select cast(? as bigint), cast(null as bigint) union select e.lower, null from found f join edges e on e.upper = f.id
				),
				""" + ORDERED, elementId, new Long[] { elementId }));
	}

	/**
	 * The local elements aligned to a national outcome, and those that serve one of them directly (each saying
	 * through which). Further down the thread an element's link to the outcome is too loose to list it under the
	 * outcome: an online-safety action under a priority of Wellbeing does not serve Poverty; each element's page
	 * follows the thread all the way down. Its actions are not yet judged: the page that lists them reads their plans'
	 * trees for their measures too, and judges them with {@link #judged(List, List)}.
	 */
	List<PlanGroup> down(String nationalOutcomeCode) {
		return found(DOWN_FROM_NATIONAL, nationalOutcomeCode, new Long[0]);
	}

	private static final String DOWN_FROM_NATIONAL = EDGES + """
			aligned (id) as (select element_id from alignment where national_outcome_code = ?),
			found (id, through) as (
			    select id, cast(null as bigint) from aligned
			    union all
			    select e.lower, min(e.upper) from aligned a join edges e on e.upper = a.id
			    where e.lower not in (select id from aligned) group by e.lower
			),
			""" + ORDERED;

	/** How many elements each national outcome's page lists. */
	public Map<String, Integer> countsByNationalOutcome() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.jdbc.sql("select code from national_outcome order by position")
			.query(String.class)
			.list()
			.forEach((code) -> counts.put(code, found(DOWN_FROM_NATIONAL, code, new Long[0]).stream().mapToInt((g) -> g.entries().size()).sum()));
		return counts;
	}

	/** The thread's plans that the person asking may see: a draft plan is named only to those who may see it. */
	private List<PlanGroup> found(String sql, Object start, Long[] excluded) {
		Map<Long, PlanGroup> groups = new LinkedHashMap<>();
		Set<Long> drafts = new HashSet<>();
		this.jdbc.sql(sql).params(start, excluded).query((rs) -> {
			if (PlanStatus.DRAFT.code().equals(rs.getString(10))) {
				drafts.add(rs.getLong(2));
			}
			String planCode = rs.getString(3);
			String planTitle = rs.getString(4);
			PlanGroup group = groups.computeIfAbsent(rs.getLong(2), (id) -> new PlanGroup(id, planCode, planTitle, new ArrayList<>()));
			group.entries().add(new Entry(rs.getLong(1), rs.getString(5),
					PlanLevels.Level.read(rs.getString(6), rs.getString(12), rs.getString(13)), rs.getString(7), rs.getInt(8), (Integer) rs.getObject(9), null, rs.getString(11)));
		});
		drafts.stream()
			.filter((id) -> this.plans.plan(id).filter((plan) -> this.plans.visible(plan, this.access)).isEmpty())
			.forEach(groups::remove);
		return List.copyOf(groups.values());
	}

	/** The stretches of the thread with each action's one status, as its own plan's reporting stands. */
	private List<PlanGroup> judged(List<PlanGroup> groups) {
		Set<Long> withActions = groups.stream().filter((g) -> g.entries().stream().anyMatch(Entry::action))
			.map(PlanGroup::planId).collect(Collectors.toSet());
		if (withActions.isEmpty()) {
			return groups;
		}
		return judged(groups, this.plans.trees(this.plans.plans().stream().filter((p) -> withActions.contains(p.id())).toList(), this.access));
	}

	/** The same, with the trees of the plans the actions are in, as the person asking may see them, already read. */
	List<PlanGroup> judged(List<PlanGroup> groups, List<PlanTree> trees) {
		ActionStatuses.Judged judged = this.statuses.of(trees);
		return groups.stream().map((g) -> new PlanGroup(g.planId(), g.planCode(), g.planTitle(), g.entries().stream()
			.map((e) -> e.action() ? new Entry(e.elementId(), e.code(), e.level(), e.title(), e.depth(), e.progress(),
					judged.actions().get(e.elementId()), e.through()) : e)
			.toList())).toList();
	}

	/** The actions on these stretches of the thread added up. */
	public static ActionStatuses.Rollup rollup(List<PlanGroup> groups) {
		List<Entry> actions = groups.stream().flatMap((g) -> g.entries().stream()).filter(Entry::action).toList();
		return ActionStatuses.Rollup.of(actions.stream().map((e) -> e.status().status()).toList(),
				actions.stream().map(Entry::progress).toList());
	}

	/** The part of the thread that runs through one plan. */
	public record PlanGroup(long planId, String planCode, String planTitle, List<Entry> entries) {
	}

	/**
	 * An element on the thread; {@code depth} is its level in its own plan's tree. Its progress is its
	 * latest approved update, entered once in its own plan and shown wherever the thread leads. {@code through}
	 * names the element through which it serves a national outcome, where it is listed under one.
	 */
	public record Entry(long elementId, String code, PlanLevels.Level level, String title, int depth, Integer progress,
			ActionStatus.Status status, String through) {

		public ElementKind kind() {
			return this.level.kind();
		}

		public boolean action() {
			return kind() == ElementKind.ACTION;
		}

	}

}
