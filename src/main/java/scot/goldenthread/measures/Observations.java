package scot.goldenthread.measures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import scot.goldenthread.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads a measure's values, filtered by place, breakdown and period range. */
@Service
public class Observations {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	Observations(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public record Observation(String period, String geography, String breakdown, BigDecimal value, String status,
			String note, String toConfirm) {
	}

	/** A person confirms a value held for confirmation; answers whether there was one to confirm. */
	@org.springframework.transaction.annotation.Transactional
	public boolean confirm(Measure measure, Period period, String geography, String breakdown) {
		List<String> held = this.jdbc.sql("""
				update observation set to_confirm = null where measure_id = ? and period_start = ? and geography = ?
				and breakdown = ? and to_confirm is not null returning value::text""")
			.params(measure.id(), period.start(), geography, breakdown)
			.query(String.class)
			.list();
		held.forEach((value) -> this.audit.updated("observation", measure.code() + " " + period.code() + " " + geography + " " + breakdown,
				"Confirmed " + value + " for " + measure.code() + " in " + period.code(),
				java.util.Map.of("toConfirm", true), java.util.Map.of("toConfirm", false)));
		return !held.isEmpty();
	}

	/** "Clackmannanshire" for S12000005; the code itself where the place is unknown. */
	public String placeName(String code) {
		return (code == null) ? "" : this.jdbc.sql("select name from geography where code = ?").param(code).query(String.class)
			.optional().orElse(code);
	}

	public List<Observation> of(Measure measure, String geography, String breakdown, Period from, Period to) {
		StringBuilder sql = new StringBuilder("""
				select period_start, geography, breakdown, value, status, note, to_confirm from observation
				where measure_id = ?""");
		List<Object> params = new ArrayList<>(List.of(measure.id()));
		if (geography != null) {
			sql.append(" and geography = ?");
			params.add(geography);
		}
		if (breakdown != null) {
			sql.append(" and breakdown = ?");
			params.add(breakdown);
		}
		if (from != null) {
			sql.append(" and period_start >= ?");
			params.add(from.start());
		}
		if (to != null) {
			sql.append(" and period_start <= ?");
			params.add(to.start());
		}
		sql.append(" order by period_start, geography, breakdown");
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Observation(new Period(measure.periodType(), rs.getDate(1).toLocalDate()).code(),
					rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

}
