package scot.goldenthread.measures;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import scot.goldenthread.measures.MeasureJudge.Settings;
import scot.goldenthread.measures.StatusEngine.Baseline;
import scot.goldenthread.measures.StatusEngine.Point;
import scot.goldenthread.measures.StatusEngine.Target;
import scot.goldenthread.measures.StatusEngine.TargetKind;
import scot.goldenthread.shared.Coded;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What measures are judged on, as it stood at a moment, read for many measures at once: one query for each
 * kind of thing (values, targets, baselines, tolerances, places), however many measures are asked for.
 */
@Repository
class MeasureData {

	private final JdbcClient jdbc;

	MeasureData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One series: a measure's values for a place and a breakdown ("" for the whole population). */
	record Key(long measureId, String geography, String breakdown) {
	}

	/**
	 * The values of each series as they stood at {@code asAt}, in period order: a value revised since counts
	 * as it was then, and one held for a person to confirm does not count until it is confirmed. A series
	 * with no values is absent.
	 */
	Map<Key, List<Point>> series(Collection<Key> keys, Map<Long, Measure> measures, Instant asAt) {
		Map<Key, List<Point>> series = new HashMap<>();
		if (keys.isEmpty()) {
			return series;
		}
		Timestamp at = Timestamp.from(asAt);
		Long[] ids = keys.stream().map(Key::measureId).toArray(Long[]::new);
		String[] places = keys.stream().map(Key::geography).toArray(String[]::new);
		String[] breakdowns = keys.stream().map(Key::breakdown).toArray(String[]::new);
		this.jdbc.sql("""
				with wanted as (select * from unnest(?::bigint[], ?::text[], ?::text[]) as w (measure_id, geography, breakdown))
				select measure_id, geography, breakdown, period_start, value from (
				    select o.measure_id, o.geography, o.breakdown, o.period_start, o.value from observation o
				    join wanted w on w.measure_id = o.measure_id and w.geography = o.geography and w.breakdown = o.breakdown
				    where o.recorded_at <= ? and o.to_confirm is null
				    union all
				    select o.measure_id, o.geography, o.breakdown, o.period_start, r.value from observation o
				    join wanted w on w.measure_id = o.measure_id and w.geography = o.geography and w.breakdown = o.breakdown
				    join observation_revision r on r.measure_id = o.measure_id and r.observation_id = o.id
				    where r.recorded_at <= ? and r.superseded_at > ?
				) v order by measure_id, geography, breakdown, period_start""")
			.params(ids, places, breakdowns, at, at, at)
			.query((rs) -> {
				Measure measure = measures.get(rs.getLong(1));
				series.computeIfAbsent(new Key(rs.getLong(1), rs.getString(2), rs.getString(3)), (k) -> new ArrayList<>())
					.add(new Point(new Period(measure.periodType(), rs.getDate(4).toLocalDate()), rs.getDouble(5)));
			});
		return series;
	}

	/**
	 * A group of places whose value is worked out from its members' where it has none of its own; {@code whole}: only
	 * for periods every member has a value for (Scotland is not its councils less four).
	 */
	record Group(long measureId, String code, Collection<String> members, boolean whole) {
	}

	/**
	 * Each group's value for each period its members have values for, as it stood at {@code asAt}: the sum of the
	 * numerators over the sum of the denominators where every member with a value gives both, otherwise the unweighted
	 * mean of the members' values, {@code mean} saying which.
	 */
	Map<Group, List<GroupValue>> groupValues(Collection<Group> groups, Map<Long, Measure> measures, Instant asAt) {
		Map<Group, List<GroupValue>> values = new HashMap<>();
		List<Long> ids = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		List<String> members = new ArrayList<>();
		List<Boolean> whole = new ArrayList<>();
		Map<String, Group> byKey = new HashMap<>();
		for (Group group : groups) {
			byKey.put(group.measureId() + " " + group.code(), group);
			for (String member : group.members()) {
				ids.add(group.measureId());
				codes.add(group.code());
				members.add(member);
				whole.add(group.whole());
			}
		}
		if (ids.isEmpty()) {
			return values;
		}
		this.jdbc.sql("""
				with wanted as (select * from unnest(?::bigint[], ?::text[], ?::text[], ?::boolean[]) as w (measure_id, grp, member, whole)),
				size as (select measure_id, grp, count(*) n, bool_and(whole) whole from wanted group by 1, 2)
				select w.measure_id, w.grp, o.period_start, sum(o.numerator), sum(o.denominator), count(o.numerator), count(o.denominator),
				    avg(o.value), count(*)
				from wanted w join size s on s.measure_id = w.measure_id and s.grp = w.grp
				join observation o on o.measure_id = w.measure_id and o.geography = w.member and o.breakdown = ''
				where o.recorded_at <= ? and o.to_confirm is null
				group by w.measure_id, w.grp, o.period_start, s.n, s.whole having not s.whole or count(*) = s.n order by 1, 2, 3""")
			.params(ids.toArray(Long[]::new), codes.toArray(String[]::new), members.toArray(String[]::new), whole.toArray(Boolean[]::new),
					Timestamp.from(asAt))
			.query((rs) -> {
				Measure measure = measures.get(rs.getLong(1));
				long n = rs.getLong(9);
				boolean ratio = rs.getLong(6) == n && rs.getLong(7) == n && rs.getDouble(5) != 0;
				double value = ratio ? rs.getDouble(4) / rs.getDouble(5) * measure.unit().per(measure.ratePer()).doubleValue() : rs.getDouble(8);
				values.computeIfAbsent(byKey.get(rs.getLong(1) + " " + rs.getString(2)), (k) -> new ArrayList<>())
					.add(new GroupValue(new Point(new Period(measure.periodType(), rs.getDate(3).toLocalDate()), value), !ratio));
			});
		return values;
	}

	/** A group's value for a period, and whether it is an unweighted mean of its members' values rather than a ratio of sums. */
	record GroupValue(Point point, boolean mean) {
	}

	/**
	 * Where each series' latest value stands among all council areas' in its period: how many councils have a value,
	 * and how many of them are above and below it.
	 */
	Map<Key, long[]> standings(Map<Key, Point> latest, Instant asAt) {
		Map<Key, long[]> standings = new HashMap<>();
		if (latest.isEmpty()) {
			return standings;
		}
		Map<String, Key> byPlace = new HashMap<>();
		latest.forEach((key, point) -> byPlace.put(key.measureId() + " " + point.period().start() + " " + key.geography(), key));
		// each measure and period ranked once, however many of its councils are asked for
		this.jdbc.sql("""
				with wanted as (select distinct * from unnest(?::bigint[], ?::date[]) as w (measure_id, period_start))
				select o.measure_id, o.period_start, o.geography, count(*) over p, rank() over (p order by o.value desc) - 1,
				    rank() over (p order by o.value) - 1
				from observation o join wanted w on w.measure_id = o.measure_id and w.period_start = o.period_start
				join geography g on g.code = o.geography and g.level = 'council-area'
				where o.breakdown = '' and o.recorded_at <= ? and o.to_confirm is null
				window p as (partition by o.measure_id, o.period_start)""")
			.params(latest.keySet().stream().map(Key::measureId).toArray(Long[]::new),
					latest.values().stream().map((p) -> java.sql.Date.valueOf(p.period().start())).toArray(java.sql.Date[]::new),
					Timestamp.from(asAt))
			.query((rs) -> {
				Key key = byPlace.get(rs.getLong(1) + " " + rs.getDate(2).toLocalDate() + " " + rs.getString(3));
				if (key != null) {
					standings.put(key, new long[] { rs.getLong(4), rs.getLong(5), rs.getLong(6) });
				}
			});
		return standings;
	}

	/** A target in force, and how its figure was worked out where its plan gave it relative to the baseline or Scotland. */
	record SetTarget(Target target, String basis) {
	}

	/** Each measure's targets in force at {@code asAt}, in period order. */
	Map<Long, List<SetTarget>> targets(Map<Long, Measure> measures, Instant asAt) {
		Map<Long, List<SetTarget>> targets = new HashMap<>();
		Timestamp at = Timestamp.from(asAt);
		this.jdbc.sql("""
				select measure_id, kind, period_start, value, basis from measure_target where measure_id = any(?) and kind <> 'baseline'
				and breakdown = '' and valid_from <= ? and (valid_to is null or valid_to > ?) order by measure_id, period_start""")
			.params(ids(measures), at, at)
			.query((rs) -> {
				Measure measure = measures.get(rs.getLong(1));
				targets.computeIfAbsent(measure.id(), (k) -> new ArrayList<>())
					.add(new SetTarget(new Target(Coded.of(TargetKind.class, rs.getString(2)).orElseThrow(),
							new Period(measure.periodType(), rs.getDate(3).toLocalDate()), rs.getDouble(4)), rs.getString(5)));
			});
		return targets;
	}

	/** Each measure's baseline in force at {@code asAt}, where it has one. */
	Map<Long, Baseline> baselines(Map<Long, Measure> measures, Instant asAt) {
		Map<Long, Baseline> baselines = new HashMap<>();
		Timestamp at = Timestamp.from(asAt);
		this.jdbc.sql("""
				select distinct on (measure_id) measure_id, period_start, value from measure_target
				where measure_id = any(?) and kind = 'baseline' and breakdown = '' and valid_from <= ? and (valid_to is null or valid_to > ?)
				order by measure_id, valid_from desc""")
			.params(ids(measures), at, at)
			.query((rs) -> {
				Measure measure = measures.get(rs.getLong(1));
				baselines.put(measure.id(), new Baseline(new Period(measure.periodType(), rs.getDate(2).toLocalDate()), rs.getDouble(3)));
			});
		return baselines;
	}

	/** Each measure's tolerance in force at {@code asAt}, where one was set. */
	Map<Long, Settings> settings(Map<Long, Measure> measures, Instant asAt) {
		Map<Long, Settings> settings = new HashMap<>();
		this.jdbc.sql("""
				select distinct on (measure_id) measure_id, percent, amount, no_change from measure_tolerance
				where measure_id = any(?) and valid_from <= ? order by measure_id, valid_from desc""")
			.params(ids(measures), Timestamp.from(asAt))
			.query((rs) -> {
				boolean percent = rs.getBoolean(2);
				settings.put(rs.getLong(1), new Settings(new Tolerance(percent, rs.getDouble(3)), new Tolerance(percent, rs.getDouble(4))));
			});
		return settings;
	}

	/**
	 * For each measure that has values, the place other than Scotland (or a family group) with the most of them: counted
	 * among its totals, through their own index, so that a measure's breakdowns do not slow its page; among all its
	 * values only for a measure with no totals there, published by breakdown alone.
	 */
	Map<Long, String> busiestPlaces(Collection<Long> measureIds) {
		Map<Long, String> places = new HashMap<>();
		if (measureIds.isEmpty()) {
			return places;
		}
		this.jdbc.sql("""
				with totals as (
				    select o.measure_id, o.geography, count(*) n from observation o join geography g on g.code = o.geography
				    where o.measure_id = any(?) and o.breakdown = '' and g.level not in ('country', 'family-group') group by 1, 2),
				broken as (
				    select o.measure_id, o.geography, count(*) n from observation o join geography g on g.code = o.geography
				    where o.measure_id = any(array(select unnest(?::bigint[]) except select measure_id from totals))
				    and g.level not in ('country', 'family-group') group by 1, 2)
				select distinct on (measure_id) measure_id, geography from (select * from totals union all select * from broken) v
				order by measure_id, n desc, geography""")
			.params(measureIds.toArray(Long[]::new), measureIds.toArray(Long[]::new))
			.query((rs) -> {
				places.put(rs.getLong(1), rs.getString(2));
			});
		return places;
	}

	/** Every council area's code: Scotland's value, where none is published, is worked out from theirs. */
	List<String> councilAreas() {
		return this.jdbc.sql("select code from geography where level = 'council-area' order by code").query(String.class).list();
	}

	/** Each family group's name and its member councils' names by their codes, in name order. */
	Map<String, FamilyGroupMembers> familyGroups(Collection<String> codes) {
		Map<String, FamilyGroupMembers> groups = new LinkedHashMap<>();
		if (codes.isEmpty()) {
			return groups;
		}
		this.jdbc.sql("""
				select f.code, f.name, g.code, g.name from geography f
				left join geography_member m on m.family_group = f.code left join geography g on g.code = m.member
				where f.code = any(?) order by f.code, g.name""")
			.param(codes.toArray(String[]::new))
			.query((rs) -> {
				String name = rs.getString(2);
				FamilyGroupMembers group = groups.computeIfAbsent(rs.getString(1), (code) -> new FamilyGroupMembers(name, new LinkedHashMap<>()));
				if (rs.getString(3) != null) {
					group.members().put(rs.getString(3), rs.getString(4));
				}
			});
		return groups;
	}

	record FamilyGroupMembers(String name, Map<String, String> members) {
	}

	private static Long[] ids(Map<Long, Measure> measures) {
		return measures.keySet().toArray(Long[]::new);
	}

}
