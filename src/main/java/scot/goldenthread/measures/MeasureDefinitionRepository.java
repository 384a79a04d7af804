package scot.goldenthread.measures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A measure's definition, tolerances and targets as the database holds them; the rules and the audit trail are {@link MeasureDefinitions}'. */
@Repository
class MeasureDefinitionRepository {

	private final JdbcClient jdbc;

	MeasureDefinitionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A tolerance as stored: a percentage or an absolute amount either side, and the change that counts as none. */
	record Tolerance(boolean percent, BigDecimal amount, BigDecimal noChange) {
	}

	/** A baseline or target in force ({@code kind} "baseline" or a target kind's code), for the period starting on {@code periodStart}. */
	record Target(String kind, LocalDate periodStart, BigDecimal value, String relative, String basis) {

		/** How the audit trail shows it, and how two sets of targets are compared. */
		String describe() {
			return this.kind + " " + this.periodStart + " " + this.value.stripTrailingZeros().toPlainString()
					+ ((this.basis != null) ? " (" + this.basis + ")" : "");
		}

	}

	/** The tolerance in force for each of the measures that has one, in one query. */
	Map<Long, Tolerance> tolerances(List<Long> measureIds) {
		Map<Long, Tolerance> tolerances = new HashMap<>();
		this.jdbc.sql("""
				select distinct on (measure_id) measure_id, percent, amount, no_change from measure_tolerance
				where measure_id = any(?) order by measure_id, valid_from desc""")
			.param((Object) measureIds.toArray(Long[]::new))
			.query((rs) -> {
				tolerances.put(rs.getLong(1), new Tolerance(rs.getBoolean(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
			});
		return tolerances;
	}

	/** The whole-area baselines and targets in force for each of the measures, in period order, in one query. */
	Map<Long, List<Target>> targets(List<Long> measureIds) {
		Map<Long, List<Target>> targets = new HashMap<>();
		this.jdbc.sql("""
				select measure_id, kind, period_start, value, relative, basis from measure_target
				where measure_id = any(?) and valid_to is null and breakdown = '' order by measure_id, period_start, kind""")
			.param((Object) measureIds.toArray(Long[]::new))
			.query((rs) -> {
				targets.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
					.add(new Target(rs.getString(2), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4), rs.getString(5), rs.getString(6)));
			});
		return targets;
	}

	Optional<Tolerance> tolerance(long measureId) {
		return Optional.ofNullable(tolerances(List.of(measureId)).get(measureId));
	}

	List<Target> targets(long measureId) {
		return targets(List.of(measureId)).getOrDefault(measureId, List.of());
	}

	void insert(MeasureFile.Entry m) {
		this.jdbc.sql("insert into measure (code, title, polarity) values (?, ?, ?)")
			.params(m.code(), m.title(), Objects.requireNonNullElse(m.polarity(), Polarity.NO_JUDGEMENT.code()))
			.update();
	}

	/** What the entry gives replaces what is stored; what it leaves out stays as it was. */
	void update(MeasureFile.Entry m) {
		this.jdbc.sql("""
				update measure set title = coalesce(?, title), description = coalesce(?, description), kind = coalesce(?, kind),
				unit = coalesce(?, unit), rate_per = coalesce(?, rate_per), decimals = coalesce(?, decimals),
				polarity = coalesce(?, polarity), period_type = coalesce(?, period_type), source = coalesce(?, source),
				lead = coalesce(?, lead), area = coalesce(?, area), family_group = coalesce(?, family_group), public = coalesce(?, public),
				rolling_years = coalesce(?, rolling_years), retired_on = coalesce(?::date, retired_on),
				dimensions = case when ? then ? else dimensions end,
				geography_levels = case when ? then ? else geography_levels end
				where code = ?""")
			.params(m.title(), m.description(), m.kind(), m.unit(), m.ratePer(), m.decimals(), m.polarity(), m.periodType(),
					m.source(), m.lead(), m.area(), m.familyGroup(), m.published(), m.rollingYears(), m.retired(), !m.dimensions().isEmpty(),
					m.dimensions().toArray(String[]::new), !m.geographies().isEmpty(), m.geographies().toArray(String[]::new), m.code())
			.update();
		if (m.gap() != null) {
			this.jdbc.sql("""
					update measure set gap_of = (select id from measure where code = ?), gap_dimension = ?, gap_higher = ?,
					gap_lower = ? where code = ?""")
				.params(m.gap().of(), m.gap().dimension(), m.gap().higher(), m.gap().lower(), m.code())
				.update();
		}
	}

	void insertTolerance(long measureId, Tolerance tolerance) {
		this.jdbc.sql("insert into measure_tolerance (measure_id, percent, amount, no_change) values (?, ?, ?, ?)")
			.params(measureId, tolerance.percent(), tolerance.amount(), tolerance.noChange())
			.update();
	}

	/**
	 * Scotland's latest value of a measure for the whole population, or its value in {@code period} where it has one:
	 * what a target relative to Scotland is worked out from.
	 */
	Optional<ScotlandValue> scotland(String measureCode, LocalDate period) {
		return this.jdbc.sql("""
				select o.period_start, o.value from observation o join measure m on m.id = o.measure_id
				where m.code = ? and o.geography = 'S92000003' and o.breakdown = '' and o.to_confirm is null
				order by (o.period_start = ?) desc, o.period_start desc limit 1""")
			.params(measureCode, period)
			.query((rs, n) -> new ScotlandValue(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2)))
			.optional();
	}

	record ScotlandValue(LocalDate periodStart, BigDecimal value) {
	}

	/** The targets in force end now, staying for judging the past, and these take their place. */
	void replaceTargets(long measureId, List<Target> targets) {
		this.jdbc.sql("update measure_target set valid_to = now() where measure_id = ? and valid_to is null").param(measureId).update();
		for (Target t : targets) {
			this.jdbc.sql("insert into measure_target (measure_id, kind, period_start, value, relative, basis) values (?, ?, ?, ?, ?, ?)")
				.params(measureId, t.kind(), t.periodStart(), t.value(), t.relative(), t.basis())
				.update();
		}
	}

}
